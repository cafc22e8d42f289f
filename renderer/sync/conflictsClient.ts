import type {
  ConflictResolution,
  ConflictStatusFilter,
  ConflictsListResponse,
  ResolveConflictResponse,
} from '../../shared/sync/conflictsApi';
import { type HttpClientOptions, createHttpApiClient, toTransportResult } from './jsonApi';
import type { TransportResult } from './transport';

/** The supervisors' conflict review on the server (see shared/sync/conflictsApi.ts). */
export interface ConflictsTransport {
  list(status: ConflictStatusFilter, limit?: number): Promise<TransportResult<ConflictsListResponse>>;
  resolve(id: number, resolution: ConflictResolution): Promise<TransportResult<ResolveConflictResponse>>;
}

export type HttpConflictsTransportOptions = HttpClientOptions;

/** Fetch with a bearer token, like createHttpTransport; failures come back as values. */
export function createHttpConflictsTransport(opts: HttpConflictsTransportOptions): ConflictsTransport {
  const client = createHttpApiClient({ timeoutMs: 30_000, ...opts });
  return {
    list: async (status, limit) => toTransportResult(await client.call('conflicts', { status, limit })),
    resolve: async (id, resolution) => toTransportResult(await client.call('resolveConflict', { id, resolution })),
  };
}
