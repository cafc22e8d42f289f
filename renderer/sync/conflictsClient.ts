import {
  type ConflictResolution, type ConflictStatusFilter, type ConflictsListResponse, type ResolveConflictResponse,
  conflictsListResponseSchema, resolveConflictResponseSchema,
} from '../../shared/sync/conflictsApi';
import { type JsonApiOptions, createJsonApi } from './jsonApi';
import type { TransportResult } from './transport';

/** The supervisors' conflict review on the server (see shared/sync/conflictsApi.ts). */
export interface ConflictsTransport {
  list(status: ConflictStatusFilter, limit?: number): Promise<TransportResult<ConflictsListResponse>>;
  resolve(id: number, resolution: ConflictResolution): Promise<TransportResult<ResolveConflictResponse>>;
}

export type HttpConflictsTransportOptions = Omit<JsonApiOptions, 'forbiddenCode'>;

/** Fetch with a bearer token, like createHttpTransport; failures come back as values. */
export function createHttpConflictsTransport(opts: HttpConflictsTransportOptions): ConflictsTransport {
  const call = createJsonApi({ timeoutMs: 30_000, ...opts, forbiddenCode: 'forbidden_role' });
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
