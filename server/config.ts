import { type S3StoreConfig, readS3Config } from './attachments/s3Config';

/**
 * Server settings from the environment: `PORT`, `HOST`, `DATA_DIR`, `DATABASE_URL`,
 * `TRUST_PROXY`, `DB_TIMEOUT_MS` and the `S3_*` variables of attachment storage.
 */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /**
   * Which reverse proxies may say who the client is (`X-Forwarded-For`), as Fastify's
   * `trustProxy`: false (the default: the peer address is the client, a forwarded header is
   * ignored), a hop count, or the proxies' addresses/CIDRs. The per-IP sign-in limit counts
   * the address this yields, so behind a proxy that is not trusted every client is the proxy.
   */
  trustProxy?: boolean | number | string[];
  /** Longest wait for the database on one statement before it is declared unavailable. */
  dbTimeoutMs?: number;
  /** Attachment bytes in S3-compatible storage; null: on the filesystem under dataDir. */
  s3?: S3StoreConfig | null;
}

export function parseTrustProxy(raw: string | undefined): boolean | number | string[] {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const item of list) {
    if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(item) && !['loopback', 'linklocal', 'uniquelocal'].includes(item)) {
      throw new Error(`TRUST_PROXY must be true, false, a hop count or a comma-separated list of proxy addresses/CIDRs; got ${item}`);
    }
  }
  return list;
}

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const timeout = env.DB_TIMEOUT_MS ? Number(env.DB_TIMEOUT_MS) : undefined;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 100))
    throw new Error(`DB_TIMEOUT_MS must be a number of milliseconds (≥ 100), got ${env.DB_TIMEOUT_MS}`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: env.DATA_DIR ?? './data/server',
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    s3: readS3Config(env),
    ...(timeout === undefined ? {} : { dbTimeoutMs: timeout }),
  };
}
