import type { z } from 'zod';
import {
  type ConflictResolution, type ConflictStatusFilter, type ConflictsListResponse, type ResolveConflictResponse,
  conflictsListResponseSchema, resolveConflictResponseSchema,
} from '../../shared/sync/conflictsApi';
import { type ErrorCode, ERROR_CODES, errorBodySchema } from '../../shared/sync/protocol';
import { type TransportResult, syncError } from './transport';

/** The supervisors' conflict review on the server (see shared/sync/conflictsApi.ts). */
export interface ConflictsTransport {
  list(status: ConflictStatusFilter, limit?: number): Promise<TransportResult<ConflictsListResponse>>;
  resolve(id: number, resolution: ConflictResolution): Promise<TransportResult<ResolveConflictResponse>>;
}

export interface HttpConflictsTransportOptions {
  /** '' for same-origin `/api/...`. */
  baseUrl: string;
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s);
}

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden_role';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'validation_failed';
}

/** Fetch with a bearer token, like createHttpTransport; failures come back as values. */
export function createHttpConflictsTransport(opts: HttpConflictsTransportOptions): ConflictsTransport {
  const fetchImpl = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? 30_000;

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
    list: (status, limit) => {
      const q = new URLSearchParams({ status });
      if (limit !== undefined) q.set('limit', String(limit));
      return call(`/api/v1/conflicts?${q.toString()}`, { method: 'GET' }, conflictsListResponseSchema);
    },
    resolve: (id, resolution) =>
      call(`/api/v1/conflicts/${encodeURIComponent(String(id))}/resolve`, { method: 'POST', body: JSON.stringify({ resolution }) }, resolveConflictResponseSchema),
  };
}
