import type { z } from 'zod';
import {
  type ErrorCode, type LoginRequest, type LoginResponse, type PullResponse, type PushRequest, type PushResponse,
  ERROR_CODES, errorBodySchema, loginResponseSchema, pullResponseSchema, pushResponseSchema,
} from '../../shared/sync/protocol';

/** A failure that crossed the wire (or never got there), as a value with a stable code. */
export interface SyncError {
  code: ErrorCode;
  message: string;
  /** True when trying again later may succeed (network down, server busy). */
  retryable: boolean;
}

export type TransportResult<T> = { ok: true; value: T } | { ok: false; error: SyncError };

/**
 * How the sync engine reaches the server. In the browser shell and tests: fetch with a bearer
 * token. In Electron: IPC to main, which holds the token (the renderer never sees it).
 */
export interface SyncTransport {
  login(req: LoginRequest): Promise<TransportResult<LoginResponse>>;
  push(req: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(cursor: number, limit: number): Promise<TransportResult<PullResponse>>;
}

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['network', 'internal', 'rate_limited']);

export function syncError(code: ErrorCode, message: string): SyncError {
  return { code, message, retryable: RETRYABLE.has(code) };
}

function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s);
}

export interface HttpTransportOptions {
  baseUrl: string;
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export function createHttpTransport(opts: HttpTransportOptions): SyncTransport {
  const fetchImpl = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? 60_000;

  async function call<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<TransportResult<z.infer<S>>> {
    const headers = new Headers(init.headers);
    const token = opts.getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    let res: Response;
    try {
      res = await fetchImpl(`${opts.baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      return { ok: false, error: syncError('network', e instanceof Error ? e.message : String(e)) };
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return { ok: false, error: syncError(res.ok ? 'internal' : statusCode(res.status), `HTTP ${res.status}: not JSON`) };
    }
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(body);
      if (parsed.success && isErrorCode(parsed.data.error.code)) return { ok: false, error: syncError(parsed.data.error.code, parsed.data.error.message) };
      return { ok: false, error: syncError(statusCode(res.status), `HTTP ${res.status}`) };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, error: syncError('internal', 'The server answered in an unexpected shape') };
    return { ok: true, value: parsed.data };
  }

  return {
    login: (req) => call('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(req) }, loginResponseSchema),
    push: (req) => call('/api/v1/sync/push', { method: 'POST', body: JSON.stringify(req) }, pushResponseSchema),
    pull: (cursor, limit) => call(`/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { method: 'GET' }, pullResponseSchema),
  };
}

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden_scope';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'validation_failed';
}
