import type { Recipient } from '../../../shared/domain/schemas';
import {
  type DuplicateGroup,
  type NoContactItem,
  duplicateIdGroups,
  inactiveWithOpenDuties,
  missingContactInfo,
  noContactItems,
} from '../../../shared/review/quality';
import type { YoufuDb } from '../../db/handle';
import { qualityRows } from '../../db/queries/quality';

type Person = Pick<Recipient, 'id' | 'name' | 'stationCode' | 'status'>;

export interface QualityLists {
  duplicates: DuplicateGroup[];
  noContact: NoContactItem[];
  inactive: (Person & { openDuties: number })[];
  missing: (Person & { missing: ('phone' | 'address')[] })[];
}

/**
 * The data-quality lists of a scope from the local database. Names, categories, phones and
 * addresses are sealed and every list names people, so the scope's recipients are opened
 * (this page only, on demand); duplicates are found through the blind index, never the ID.
 */
export async function loadQualityLists(db: YoufuDb, scope: string, today: string): Promise<QualityLists> {
  const { recipients: opened, idBlinds, visits, occurrences } = await qualityRows(db, scope);
  const recipients = opened.map((r, i) => ({ ...r, idBlind: idBlinds[i]! }));
  return {
    duplicates: duplicateIdGroups(recipients),
    noContact: noContactItems(recipients, visits, today),
    inactive: inactiveWithOpenDuties(recipients, occurrences),
    missing: missingContactInfo(opened.filter((r) => r.status === 'active')),
  };
}
