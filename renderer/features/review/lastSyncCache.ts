import type { Review } from '../../../shared/review/api';
import type { YoufuDb } from '../../db/handle';
import { readSyncState, writeSyncState } from '../../db/syncStateRepository';

/** The last sync times seen online, per review row code: offline reviews show them. */
export async function readLastSyncCache(db: YoufuDb): Promise<Map<string, string>> {
  const stored = await readSyncState(db, 'reviewLastSync');
  if (stored === undefined) return new Map();
  try {
    const parsed = JSON.parse(stored) as unknown;
    if (parsed === null || typeof parsed !== 'object') return new Map();
    return new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

export async function writeLastSyncCache(db: YoufuDb, review: Review): Promise<void> {
  const cache = await readLastSyncCache(db);
  for (const s of review.stations) if (s.lastSyncAt !== null) cache.set(s.code, s.lastSyncAt);
  await writeSyncState(db, 'reviewLastSync', JSON.stringify(Object.fromEntries(cache)));
}
