import {
  type LoginRequest, type LoginResponse, type PullResponse, type PushRequest, type PushResponse,
  loginResponseSchema, pullResponseSchema, pushResponseSchema,
} from '../../shared/sync/protocol';
import { type JsonApiOptions, createJsonApi } from './jsonApi';
import type { TransportResult } from './syncError';

export { type SyncError, type TransportResult, syncError } from './syncError';

/**
 * How the sync engine reaches the server. In the browser shell and tests: fetch with a bearer
 * token. In Electron: IPC to main, which holds the token (the renderer never sees it).
 */
export interface SyncTransport {
  login(req: LoginRequest): Promise<TransportResult<LoginResponse>>;
  push(req: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(cursor: number, limit: number): Promise<TransportResult<PullResponse>>;
}

export type HttpTransportOptions = Omit<JsonApiOptions, 'forbiddenCode'>;

export function createHttpTransport(opts: HttpTransportOptions): SyncTransport {
  const call = createJsonApi(opts);
  return {
    login: (req) => call('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(req) }, loginResponseSchema),
    push: (req) => call('/api/v1/sync/push', { method: 'POST', body: JSON.stringify(req) }, pushResponseSchema),
    pull: (cursor, limit) => call(`/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { method: 'GET' }, pullResponseSchema),
  };
}
