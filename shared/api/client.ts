import { errorBodySchema } from '../sync/protocol';
import type { ErrorCode } from '../sync/protocol';
import { ERROR_STATUS, type ServerErrorCode } from './errors';
import {
  type ApiRoute,
  type ApiRoutes,
  type PublicRouteName,
  type RouteInput,
  type RouteResponse,
  type SessionRouteName,
  apiRoutes,
  streamRoutes,
} from './routes';

/**
 * The slice of the Fetch API the client uses. Shared code has no timers, so the timeout is
 * handed on as a number and the environment's fetch turns it into a signal (see fetchWithTimeout
 * in main/ and renderer/); tests pass a fake.
 */
export interface FetchInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Always `error`: the bearer token is never replayed to another host. */
  redirect: 'error';
  timeoutMs: number;
}
export type FetchLike = (url: string, init: FetchInit) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface ApiError {
  code: ErrorCode;
  /** The HTTP status, or null when no answer came (network). */
  status: number | null;
  message: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiClientOptions {
  /** `''` for same-origin `/api/...` (the browser shell's proxy); otherwise the server's URL. */
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs?: number;
}

export interface SessionClientOptions extends ApiClientOptions {
  /** The bearer token, or a reader of the current one (null: not signed in, the call goes without). */
  token: string | (() => string | null);
}

type CallArgs<R extends ApiRoute> = unknown extends RouteInput<R> ? [input?: Record<string, never>] : [input: RouteInput<R>];

export interface ApiClient {
  call<N extends SessionRouteName>(name: N, ...args: CallArgs<ApiRoutes[N]>): Promise<ApiResult<RouteResponse<ApiRoutes[N]>>>;
}

export interface PublicClient {
  call<N extends PublicRouteName>(name: N, ...args: CallArgs<ApiRoutes[N]>): Promise<ApiResult<RouteResponse<ApiRoutes[N]>>>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The code for an error answer whose body names none (a proxy's page, a bare status): the
 * route's first code with that status, else the API's first (a proxy's 429 is still
 * `rate_limited`), else `internal` for a 5xx and `validation_failed` for any other.
 */
export function codeForStatus(route: Pick<ApiRoute, 'errors'>, status: number): ErrorCode {
  const first = (errors: Partial<Record<ServerErrorCode, number>>) =>
    (Object.entries(errors) as [ServerErrorCode, number][]).find(([, s]) => s === status)?.[0];
  return first(route.errors) ?? first(ERROR_STATUS) ?? (status >= 500 ? 'internal' : 'validation_failed');
}

function toPath(route: ApiRoute, input: Record<string, unknown>): { path: string; rest: Record<string, unknown> } {
  const rest = { ...input };
  let path: string = route.path;
  for (const key of Object.keys(route.params?.shape ?? {})) {
    path = path.replace(`:${key}`, encodeURIComponent(String(rest[key])));
    delete rest[key];
  }
  return { path, rest };
}

/** In the schema's order; fields left undefined are left out (the server's defaults apply). */
function queryString(route: ApiRoute, values: Record<string, unknown>): string {
  const entries = Object.keys(route.query?.shape ?? {})
    .map((k) => [k, values[k]] as const)
    .filter(([, v]) => v !== undefined && v !== null);
  if (entries.length === 0) return '';
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
}

async function send(opts: ApiClientOptions, token: string | null, route: ApiRoute, input: unknown): Promise<ApiResult<unknown>> {
  const { path, rest } = toPath(route, (input ?? {}) as Record<string, unknown>);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const hasBody = route.method === 'POST';
  if (hasBody) headers['content-type'] = 'application/json';
  const url = `${opts.baseUrl.replace(/\/$/, '')}${path}${queryString(route, rest)}`;
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await opts.fetch(url, {
      method: route.method,
      headers,
      ...(hasBody ? { body: JSON.stringify(route.body ? rest : {}) } : {}),
      redirect: 'error',
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch (e) {
    // The message of a network error names the host at most; it is safe to show.
    return { ok: false, error: { code: 'network', status: null, message: e instanceof Error ? e.message : 'network error' } };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return {
      ok: false,
      error: {
        code: res.ok ? 'internal' : codeForStatus(route, res.status),
        status: res.status,
        message: `HTTP ${res.status}: the server did not answer JSON`,
      },
    };
  }
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(body);
    return parsed.success
      ? { ok: false, error: { code: parsed.data.error.code, status: res.status, message: parsed.data.error.message } }
      : { ok: false, error: { code: codeForStatus(route, res.status), status: res.status, message: `HTTP ${res.status}` } };
  }
  const parsed = route.response.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: { code: 'internal', status: res.status, message: 'The server answered in an unexpected shape' } };
}

/**
 * The signed-in client of every route that takes a session: the request is built from the
 * route table, the answer validated with the route's schema, and every failure (network, HTTP
 * status, error body, unexpected shape) comes back as a value with a stable code, never thrown.
 */
export function createApiClient(opts: SessionClientOptions): ApiClient {
  const { token } = opts;
  const current = typeof token === 'string' ? () => token : token;
  return {
    call: <N extends SessionRouteName>(name: N, ...args: CallArgs<ApiRoutes[N]>) =>
      send(opts, current(), apiRoutes[name], args[0]) as Promise<ApiResult<RouteResponse<ApiRoutes[N]>>>,
  };
}

/** The routes that need no session: health, and login (which is how a session starts). */
export function createPublicClient(opts: ApiClientOptions): PublicClient {
  return {
    call: <N extends PublicRouteName>(name: N, ...args: CallArgs<ApiRoutes[N]>) =>
      send(opts, null, apiRoutes[name], args[0]) as Promise<ApiResult<RouteResponse<ApiRoutes[N]>>>,
  };
}

/** Signing in: no token to send, the answer carries one. */
export function createLoginClient(opts: ApiClientOptions): {
  login(req: RouteInput<ApiRoutes['login']>): Promise<ApiResult<RouteResponse<ApiRoutes['login']>>>;
} {
  const client = createPublicClient(opts);
  return { login: (req) => client.call('login', req) };
}

/** The Fetch API's answer with its body as bytes (both browsers' fetch and Node's have it). */
export type BytesFetchLike = (
  url: string,
  init: FetchInit,
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * The bytes of an attachment's part (the `attachmentContent` route of streamRoutes), or its
 * error as every route's: 403 forbidden_scope, 404 not_found while the bytes have not arrived.
 */
export async function downloadAttachmentPart(
  opts: { baseUrl: string; fetch: BytesFetchLike; token: string | null; timeoutMs?: number },
  input: { id: string; part: 'original' | 'thumb' },
): Promise<ApiResult<Uint8Array>> {
  const route = streamRoutes.attachmentContent;
  const url = `${opts.baseUrl.replace(/\/$/, '')}${route.path.replace(':id', encodeURIComponent(input.id))}?part=${input.part}`;
  let res: Awaited<ReturnType<BytesFetchLike>>;
  try {
    res = await opts.fetch(url, {
      method: 'GET',
      headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
      redirect: 'error',
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS * 4,
    });
  } catch (e) {
    return { ok: false, error: { code: 'network', status: null, message: e instanceof Error ? e.message : 'network error' } };
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    const parsed = errorBodySchema.safeParse(body);
    const code = parsed.success ? parsed.data.error.code : codeForStatus(route, res.status);
    return { ok: false, error: { code, status: res.status, message: parsed.success ? parsed.data.error.message : `HTTP ${res.status}` } };
  }
  try {
    return { ok: true, value: new Uint8Array(await res.arrayBuffer()) };
  } catch (e) {
    return {
      ok: false,
      error: { code: 'network', status: res.status, message: e instanceof Error ? e.message : 'the download broke off' },
    };
  }
}
