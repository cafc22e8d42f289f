import type { z } from 'zod';
import { type ErrorCode, ERROR_CODES, errorBodySchema } from '../../shared/sync/protocol';
import { type TransportResult, syncError } from './syncError';

/**
 * JSON over fetch with a bearer token, for every client of the central server's API: the
 * answer is validated with its zod schema and every failure (network, HTTP status, error
 * body, unexpected shape) comes back as a value with a stable code, never thrown.
 */
export interface JsonApiOptions {
  /** '' for same-origin `/api/...` (the browser shell's proxy). */
  baseUrl: string;
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** The code for a 403 whose body names none (the server always names one). */
  forbiddenCode?: ErrorCode;
}

export type JsonCall = <S extends z.ZodType>(path: string, init: RequestInit, schema: S) => Promise<TransportResult<z.infer<S>>>;

function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s);
}

function statusCode(status: number, forbidden: ErrorCode): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return forbidden;
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'validation_failed';
}

export function createJsonApi(opts: JsonApiOptions): JsonCall {
  const fetchImpl = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const forbidden = opts.forbiddenCode ?? 'forbidden_scope';

  return async (path, init, schema) => {
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
      return { ok: false, error: syncError(res.ok ? 'internal' : statusCode(res.status, forbidden), `HTTP ${res.status}: not JSON`) };
    }
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(body);
      if (parsed.success && isErrorCode(parsed.data.error.code)) return { ok: false, error: syncError(parsed.data.error.code, parsed.data.error.message) };
      return { ok: false, error: syncError(statusCode(res.status, forbidden), `HTTP ${res.status}`) };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, error: syncError('internal', 'The server answered in an unexpected shape') };
    return { ok: true, value: parsed.data };
  };
}
