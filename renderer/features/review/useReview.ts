import { useEffect, useState } from 'react';
import type { Review } from '../../../shared/review/api';
import { useDbSession } from '../../app/DbProvider';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';
import { readLastSyncCache, writeLastSyncCache } from './lastSyncCache';
import { localReview } from './localReview';
import { createSessionReviewTransport } from '../../platform/session';

export type ReviewSource = 'server' | 'local';

export type ReviewState =
  | { kind: 'loading' }
  | { kind: 'ready'; review: Review; source: ReviewSource; serverError: string | null }
  | { kind: 'failed'; message: string };

const LOADING: ReviewState = { kind: 'loading' };

/**
 * The review of a scope and week: from the server (SQL) when it answers, otherwise computed
 * from the local database with the last sync times cached from the last online review.
 */
export function useReview(scope: string, week: string, today: string): ReviewState {
  const { db, serverId, user } = useDbSession();
  // The review as last loaded, with what it was loaded for: a newer scope, week or account
  // shows 'loading' until its own answer is in.
  const key = JSON.stringify([serverId, user.id, scope, week, today]);
  const [loaded, setLoaded] = useState<{ db: typeof db; key: string; state: ReviewState } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const setState = (state: ReviewState): void => setLoaded({ db, key, state });
    void (async () => {
      let serverError: string | null = 'local_demo';
      if (serverId !== LOCAL_DEMO_SERVER_ID) {
        const r = await createSessionReviewTransport({ serverId, userId: user.id }).review(week, scope);
        if (r.ok) {
          const { serverTime: _, ...review } = r.value;
          await writeLastSyncCache(db, review).catch(() => undefined);
          if (!cancelled) setState({ kind: 'ready', review, source: 'server', serverError: null });
          return;
        }
        serverError = r.error.code;
      }
      try {
        const review = await localReview(db, { scope, week, today, lastSync: await readLastSyncCache(db) });
        if (!cancelled) setState({ kind: 'ready', review, source: 'local', serverError });
      } catch (e) {
        if (!cancelled) setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, key, serverId, user.id, scope, week, today]);

  return loaded !== null && loaded.db === db && loaded.key === key ? loaded.state : LOADING;
}
