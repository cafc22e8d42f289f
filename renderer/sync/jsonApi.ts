import { type ApiClient, type ApiResult, type FetchLike, createApiClient } from '../../shared/api/client';
import { type TransportResult, syncError } from './syncError';

/**
 * The browser shell's HTTP to the central server: the shared client (shared/api/client.ts)
 * over the page's fetch, with its answers as the sync engine's values (a SyncError knows
 * whether trying again may help).
 */
export interface HttpClientOptions {
  /** '' for same-origin `/api/...` (the browser shell's proxy). */
  baseUrl: string;
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** The page's fetch as the shared client's: the timeout becomes an abort signal. */
export function browserFetch(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): FetchLike {
  return (url, { timeoutMs, ...init }) => fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

export function createHttpApiClient(opts: HttpClientOptions): ApiClient {
  return createApiClient({
    baseUrl: opts.baseUrl,
    fetch: browserFetch(opts.fetchImpl),
    token: opts.getToken,
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
}

export function toTransportResult<T>(res: ApiResult<T>): TransportResult<T> {
  return res.ok ? res : { ok: false, error: syncError(res.error.code, res.error.message) };
}
