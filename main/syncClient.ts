import { type ApiResult, type FetchLike as ApiFetch, createApiClient, createLoginClient } from '../shared/api/client';
import { type IpcResult, ipcErr, ipcOk } from '../shared/ipc/errors';
import type { LoginRequest, LoginResponse, PullResponse, PushRequest, PushResponse } from '../shared/sync/protocol';
import type { ConflictResolution, ConflictStatusFilter, ConflictsListResponse, ResolveConflictResponse } from '../shared/sync/conflictsApi';
import type { DuplicateIdsResponse, ReviewResponse } from '../shared/review/api';

/** The slice of the Fetch API used; Node's global fetch fits, tests pass a fake. */
export type FetchLike = (
  url: string,
  init: {
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
    redirect: 'error';
    signal: AbortSignal;
  },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

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
  listConflicts(
    token: string,
    query: { status: ConflictStatusFilter; limit?: number | undefined },
  ): Promise<IpcResult<ConflictsListResponse>>;
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

/** The shared client's answer as an IPC answer (its error without the HTTP status). */
function toIpc<T>(res: ApiResult<T>): IpcResult<T> {
  return res.ok ? ipcOk(res.value) : ipcErr(res.error.code, res.error.message);
}

/**
 * Login, logout, push, pull, the conflict review and the weekly review over HTTP from main,
 * where the token lives: the shared API client (shared/api/client.ts) builds every request from
 * the route table and checks every answer against its schema; every failure becomes a value
 * with a stable code. Redirects are refused so the bearer token is never replayed to another host.
 */
export function createSyncClient(opts: SyncClientOptions): SyncClient {
  const baseUrl = opts.serverUrl.href;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const fetch: ApiFetch = (url, { timeoutMs: ms, ...init }) => opts.fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
  const api = (token: string) => createApiClient({ baseUrl, fetch, timeoutMs, token });
  const login = createLoginClient({ baseUrl, fetch, timeoutMs });

  return {
    login: async (req) => toIpc(await login.login(req)),
    logout: async (token) => {
      const res = await api(token).call('logout');
      return res.ok ? ipcOk(null) : toIpc(res);
    },
    push: async (token, req) => toIpc(await api(token).call('push', req)),
    pull: async (token, q) => toIpc(await api(token).call('pull', q)),
    listConflicts: async (token, q) => toIpc(await api(token).call('conflicts', q)),
    resolveConflict: async (token, req) => toIpc(await api(token).call('resolveConflict', req)),
    review: async (token, q) => toIpc(await api(token).call('review', q)),
    duplicates: async (token) => toIpc(await api(token).call('duplicates')),
  };
}
