import type { YoufuDb } from '../database';

/** The settings page's reads: what the local database holds. */
export interface RecordCounts {
  recipients: number;
  visits: number;
  aid: number;
  duties: number;
  occurrences: number;
  requests: number;
  staff: number;
  outbox: number;
}

/** Row counts of the local database; `count()` reads the primary index only. */
export async function recordCounts(db: YoufuDb): Promise<RecordCounts> {
  const [recipients, visits, aid, duties, occurrences, requests, staff, outbox] = await Promise.all([
    db.recipients.count(),
    db.visits.count(),
    db.aid.count(),
    db.duties.count(),
    db.dutyOccurrences.count(),
    db.requests.count(),
    db.staff.count(),
    db.outbox.count(),
  ]);
  return { recipients, visits, aid, duties, occurrences, requests, staff, outbox };
}

/** The IndexedDB name of the account's database (shown for support). */
export function localDatabaseName(db: YoufuDb): string {
  return db.name;
}
