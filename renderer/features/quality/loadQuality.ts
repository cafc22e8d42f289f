import type { CategoryEntry, Recipient } from '../../../shared/domain/schemas';
import {
  type DuplicateGroup, type NoContactItem, duplicateIdGroups, inactiveWithOpenDuties, missingContactInfo, noContactItems,
} from '../../../shared/review/quality';
import type { YoufuDb } from '../../db/database';

type Person = Pick<Recipient, 'id' | 'name' | 'stationCode' | 'status'>;

export interface QualityLists {
  duplicates: DuplicateGroup[];
  noContact: NoContactItem[];
  inactive: (Person & { openDuties: number })[];
  missing: (Person & { missing: ('phone' | 'address')[] })[];
}

interface StoredRecipientFields extends Person {
  idBlind: string;
  categories: CategoryEntry[];
}

/**
 * The data-quality lists of a scope from the local database. Phones and addresses may be
 * sealed, so recipients are decoded for that check only (decode may be synchronous or async).
 */
export async function loadQualityLists(db: YoufuDb, scope: string, today: string): Promise<QualityLists> {
  const stored = await db.recipients.where('stationCode').startsWith(scope).toArray();
  const recipients = stored as unknown as StoredRecipientFields[];
  const [visits, occurrences] = await Promise.all([
    db.visits.where('stationCode').startsWith(scope).toArray(),
    db.dutyOccurrences.where('stationCode').startsWith(scope).toArray(),
  ]);
  const active = stored.filter((r) => r.status === 'active');
  const decoded: Recipient[] = await Promise.all(active.map((r) => Promise.resolve(db.codec.decode('recipients', r))));
  return {
    duplicates: duplicateIdGroups(recipients),
    noContact: noContactItems(recipients, visits, today),
    inactive: inactiveWithOpenDuties(recipients, occurrences),
    missing: missingContactInfo(decoded),
  };
}
