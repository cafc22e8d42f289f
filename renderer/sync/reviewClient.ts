import { type DuplicateIdsResponse, type ReviewResponse, duplicateIdsResponseSchema, reviewResponseSchema } from '../../shared/review/api';
import { readToken } from './browserSession';
import { createJsonApi } from './jsonApi';
import type { TransportResult } from './transport';

/** The server's review routes (shared/review/api.ts); failures come back as values. */
export interface ReviewTransport {
  review(week: string, station?: string): Promise<TransportResult<ReviewResponse>>;
  duplicates(): Promise<TransportResult<DuplicateIdsResponse>>;
}

export function createHttpReviewTransport(account: { serverId: string; userId: string }, baseUrl = ''): ReviewTransport {
  const call = createJsonApi({ baseUrl, getToken: () => readToken(account.serverId, account.userId), timeoutMs: 30_000, forbiddenCode: 'forbidden_role' });
  return {
    review: (week, station) => {
      const q = new URLSearchParams({ week });
      if (station) q.set('station', station);
      return call(`/api/v1/review?${q.toString()}`, { method: 'GET' }, reviewResponseSchema);
    },
    duplicates: () => call('/api/v1/quality/duplicates', { method: 'GET' }, duplicateIdsResponseSchema),
  };
}
