/**
 * Where S3-compatible object storage is, from the environment (issue 15): `S3_BUCKET` (set it
 * and attachments go to S3; leave it unset and they stay on the filesystem under DATA_DIR),
 * `S3_ENDPOINT`, `S3_REGION`, `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY`, `S3_FORCE_PATH_STYLE`
 * and `S3_PREFIX`. An empty variable counts as unset.
 */
export interface S3StoreConfig {
  bucket: string;
  /** A non-AWS S3-compatible server (MinIO, Ceph, R2, a local test server); absent means AWS. */
  endpoint?: string;
  region: string;
  /** Absent: the SDK's default credential chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>/<key>`. */
  forcePathStyle: boolean;
  /** Prepended to every key; ends with '/'. */
  prefix: string;
}

export const DEFAULT_S3_REGION = 'us-east-1';
export const DEFAULT_S3_PREFIX = 'attachments/';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION_NAME = /^[a-z0-9][a-z0-9-]*$/;

function valueOf(env: Record<string, string | undefined>, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function parseEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000, got ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000, got ${raw}`);
  }
  return raw;
}

function parseForcePathStyle(raw: string | undefined, endpoint: string | undefined): boolean {
  if (raw === undefined) return endpoint !== undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`S3_FORCE_PATH_STYLE must be true, 1, false or 0, got ${raw}`);
}

function parsePrefix(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_S3_PREFIX;
  // 'a/b/' → ['a', 'b']: every segment a real name, so the prefix cannot climb or double a slash.
  const segments = raw.split('/').slice(0, -1);
  if (!raw.endsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(
      `S3_PREFIX must be a key prefix ending with '/' (such as attachments/), without a leading '/', '//' or dot segments; got ${raw}`,
    );
  }
  return raw;
}

/** Null when `S3_BUCKET` is unset: the server then keeps attachments on its own disk. */
export function readS3Config(env: Record<string, string | undefined>): S3StoreConfig | null {
  const bucket = valueOf(env, 'S3_BUCKET');
  if (bucket === undefined) return null;
  if (!BUCKET_NAME.test(bucket)) {
    throw new Error(`S3_BUCKET must be a bucket name (3–63 lower-case letters, digits, '.' or '-'), got ${bucket}`);
  }
  const rawEndpoint = valueOf(env, 'S3_ENDPOINT');
  const endpoint = rawEndpoint === undefined ? undefined : parseEndpoint(rawEndpoint);
  const region = valueOf(env, 'S3_REGION') ?? DEFAULT_S3_REGION;
  if (!REGION_NAME.test(region)) throw new Error(`S3_REGION must be a region name such as us-east-1, got ${region}`);
  const accessKeyId = valueOf(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = valueOf(env, 'S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    const [missing, given] =
      accessKeyId === undefined ? ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] : ['S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID'];
    throw new Error(`${missing} must be set when ${given} is (set both, or neither for the SDK's default credential chain)`);
  }
  return {
    bucket,
    ...(endpoint === undefined ? {} : { endpoint }),
    region,
    ...(accessKeyId === undefined || secretAccessKey === undefined ? {} : { credentials: { accessKeyId, secretAccessKey } }),
    forcePathStyle: parseForcePathStyle(valueOf(env, 'S3_FORCE_PATH_STYLE'), endpoint),
    prefix: parsePrefix(valueOf(env, 'S3_PREFIX')),
  };
}
