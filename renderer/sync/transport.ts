import { createLoginClient } from '../../shared/api/client';
import type { LoginRequest, LoginResponse, PullResponse, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { type HttpClientOptions, browserFetch, createHttpApiClient, toTransportResult } from './jsonApi';
import type { TransportResult } from './syncError';

export { type SyncError, type TransportResult, syncError } from './syncError';

/**
 * How the sync engine reaches the server. In the browser shell and tests: fetch with a bearer
 * token. In Electron: IPC to main, which holds the token (the renderer never sees it).
 * Signing in is not the transport's: see createHttpLogin (and, in Electron, `window.app.auth`).
 */
export interface SyncTransport {
  push(req: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(cursor: number, limit: number): Promise<TransportResult<PullResponse>>;
}

export type HttpTransportOptions = HttpClientOptions;

export function createHttpTransport(opts: HttpTransportOptions): SyncTransport {
  const client = createHttpApiClient(opts);
  return {
    push: async (req) => toTransportResult(await client.call('push', req)),
    pull: async (cursor, limit) => toTransportResult(await client.call('pull', { cursor, limit })),
  };
}

/** Signing in over HTTP: no token to send, the answer carries one. */
export function createHttpLogin(opts: Omit<HttpClientOptions, 'getToken'>): (req: LoginRequest) => Promise<TransportResult<LoginResponse>> {
  const client = createLoginClient({
    baseUrl: opts.baseUrl,
    fetch: browserFetch(opts.fetchImpl),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return async (req) => toTransportResult(await client.login(req));
}
