import type { DuplicateIdsResponse, ReviewResponse } from '../../shared/review/api';
import { readToken } from './browserSession';
import { createHttpApiClient, toTransportResult } from './jsonApi';
import type { TransportResult } from './transport';

/** The server's review routes (shared/review/api.ts); failures come back as values. */
export interface ReviewTransport {
  review(week: string, station?: string): Promise<TransportResult<ReviewResponse>>;
  duplicates(): Promise<TransportResult<DuplicateIdsResponse>>;
}

export function createHttpReviewTransport(account: { serverId: string; userId: string }, baseUrl = ''): ReviewTransport {
  const client = createHttpApiClient({ baseUrl, getToken: () => readToken(account.serverId, account.userId), timeoutMs: 30_000 });
  return {
    // An empty station is the caller's own, as when none is named.
    review: async (week, station) => toTransportResult(await client.call('review', { week, station: station || undefined })),
    duplicates: async () => toTransportResult(await client.call('duplicates')),
  };
}
