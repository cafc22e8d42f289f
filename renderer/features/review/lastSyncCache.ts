import type { Review } from '../../../shared/review/api';
import type { YoufuDb } from '../../db/database';

/** syncState key of the last sync times seen online, per review row code: offline reviews show them. */
export const LAST_SYNC_CACHE_KEY = 'review.lastSync';

export async function readLastSyncCache(db: YoufuDb): Promise<Map<string, string>> {
  const entry = await db.syncState.get(LAST_SYNC_CACHE_KEY);
  if (typeof entry?.value !== 'string') return new Map();
  try {
    const parsed = JSON.parse(entry.value) as unknown;
    if (parsed === null || typeof parsed !== 'object') return new Map();
    return new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

export async function writeLastSyncCache(db: YoufuDb, review: Review): Promise<void> {
  const cache = await readLastSyncCache(db);
  for (const s of review.stations) if (s.lastSyncAt !== null) cache.set(s.code, s.lastSyncAt);
  await db.syncState.put({ key: LAST_SYNC_CACHE_KEY, value: JSON.stringify(Object.fromEntries(cache)) });
}
