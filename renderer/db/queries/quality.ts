import type { Recipient } from '../../../shared/domain/schemas';
import type { StoredRow } from '../codec';
import type { YoufuDb } from '../database';
import { openRows } from './rows';

/** The data-quality page's reads. */
export interface QualityRows {
  /** The scope's recipients, opened (every list names people; this page only, on demand). */
  recipients: Recipient[];
  /** Each recipient's ID blind index, in the same order: duplicates are found through it, never the ID. */
  idBlinds: string[];
  visits: StoredRow<'visits'>[];
  occurrences: StoredRow<'dutyOccurrences'>[];
}

export async function qualityRows(db: YoufuDb, scope: string): Promise<QualityRows> {
  const [stored, visits, occurrences] = await Promise.all([
    db.recipients.where('stationCode').startsWith(scope).toArray(),
    db.visits.where('stationCode').startsWith(scope).toArray(),
    db.dutyOccurrences.where('stationCode').startsWith(scope).toArray(),
  ]);
  const recipients = await openRows(db, 'recipients', stored);
  return { recipients, idBlinds: stored.map((r) => r.idBlind), visits, occurrences };
}
