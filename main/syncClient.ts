import { z } from 'zod';
import { type IpcErrorCode, type IpcResult, ipcErr, ipcOk } from '../shared/ipc/errors';
import {
  type LoginRequest, type LoginResponse, type PullResponse, type PushRequest, type PushResponse,
  errorBodySchema, loginResponseSchema, pullResponseSchema, pushResponseSchema,
} from '../shared/sync/protocol';
import {
  type ConflictResolution, type ConflictStatusFilter, type ConflictsListResponse, type ResolveConflictResponse,
  conflictsListResponseSchema, resolveConflictResponseSchema,
} from '../shared/sync/conflictsApi';
import { type DuplicateIdsResponse, type ReviewResponse, duplicateIdsResponseSchema, reviewResponseSchema } from '../shared/review/api';

/** The slice of the Fetch API used; Node's global fetch fits, tests pass a fake. */
export type FetchLike = (url: string, init: {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  redirect: 'error';
  signal: AbortSignal;
}) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface PullQuery {
  cursor: number;
  limit: number;
  clientId?: string | undefined;
}

export interface SyncClient {
  login(req: LoginRequest): Promise<IpcResult<LoginResponse>>;
  logout(token: string): Promise<IpcResult<null>>;
  push(token: string, req: PushRequest): Promise<IpcResult<PushResponse>>;
  pull(token: string, query: PullQuery): Promise<IpcResult<PullResponse>>;
  listConflicts(token: string, query: { status: ConflictStatusFilter; limit?: number | undefined }): Promise<IpcResult<ConflictsListResponse>>;
  resolveConflict(token: string, req: { id: number; resolution: ConflictResolution }): Promise<IpcResult<ResolveConflictResponse>>;
  review(token: string, query: { week: string; station?: string | undefined }): Promise<IpcResult<ReviewResponse>>;
  duplicates(token: string): Promise<IpcResult<DuplicateIdsResponse>>;
}

export interface SyncClientOptions {
  /** Already checked by parseServerUrl. */
  serverUrl: URL;
  fetch: FetchLike;
  timeoutMs?: number;
}

/** The server's `{ok:true}` after a logout, as the IPC's `null`. */
const loggedOutSchema = z.object({ ok: z.literal(true) }).transform(() => null);

/**
 * Login, logout, push, pull and the conflict review over HTTP from main, where the token lives. Every answer is
 * checked against the shared protocol schemas; every failure becomes a value with a stable
 * code. Redirects are refused so the bearer token is never replayed to another host.
 */
export function createSyncClient(opts: SyncClientOptions): SyncClient {
  const base = opts.serverUrl.href.replace(/\/$/, '');
  const timeoutMs = opts.timeoutMs ?? 60_000;

  async function call<T>(
    path: string,
    init: { method: 'GET' | 'POST'; token?: string; body?: unknown },
    schema: z.ZodType<T>,
  ): Promise<IpcResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await opts.fetch(`${base}${path}`, {
        method: init.method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      // The message of a network error names the host at most; it is safe to show.
      return ipcErr('network', e instanceof Error ? e.message : 'network error');
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return ipcErr(res.ok ? 'internal' : codeForStatus(res.status), `HTTP ${res.status}: the server did not answer JSON`);
    }
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(body);
      return parsed.success
        ? ipcErr(parsed.data.error.code, parsed.data.error.message)
        : ipcErr(codeForStatus(res.status), `HTTP ${res.status}`);
    }
    const parsed = schema.safeParse(body);
    return parsed.success ? ipcOk(parsed.data) : ipcErr('internal', 'The server answered in an unexpected shape');
  }

  return {
    login: (req) => call('/api/v1/auth/login', { method: 'POST', body: req }, loginResponseSchema),
    logout: (token) => call('/api/v1/auth/logout', { method: 'POST', token, body: {} }, loggedOutSchema),
    push: (token, req) => call('/api/v1/sync/push', { method: 'POST', token, body: req }, pushResponseSchema),
    pull: (token, q) => {
      const params = new URLSearchParams({ cursor: String(q.cursor), limit: String(q.limit) });
      if (q.clientId !== undefined) params.set('clientId', q.clientId);
      return call(`/api/v1/sync/pull?${params.toString()}`, { method: 'GET', token }, pullResponseSchema);
    },
    listConflicts: (token, q) => {
      const params = new URLSearchParams({ status: q.status });
      if (q.limit !== undefined) params.set('limit', String(q.limit));
      return call(`/api/v1/conflicts?${params.toString()}`, { method: 'GET', token }, conflictsListResponseSchema);
    },
    resolveConflict: (token, req) =>
      call(`/api/v1/conflicts/${encodeURIComponent(String(req.id))}/resolve`, { method: 'POST', token, body: { resolution: req.resolution } }, resolveConflictResponseSchema),
    review: (token, q) => {
      const params = new URLSearchParams({ week: q.week });
      if (q.station !== undefined) params.set('station', q.station);
      return call(`/api/v1/review?${params.toString()}`, { method: 'GET', token }, reviewResponseSchema);
    },
    duplicates: (token) => call('/api/v1/quality/duplicates', { method: 'GET', token }, duplicateIdsResponseSchema),
  };
}

function codeForStatus(status: number): IpcErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden_scope';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'validation_failed';
}
