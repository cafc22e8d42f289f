import type { Duty, DutyOccurrence, Recipient, Staff } from '../../../shared/domain/schemas';
import { useDb } from '../../app/DbProvider';
import { useLiveQuery } from '../../db/live';
import { dutiesOf, pendingOccurrencesOfRecipient, recipientById, recipientMatches } from '../../db/queries/recipient';
import { staffByName } from '../../db/queries/staff';

/** Small live reads several feature screens need (renderer/db/queries/ does the reading). */
export function useRecipient(id: string | null | undefined): Recipient | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? recipientById(db, id) : null), [db, id]);
}

/** Staff of the station (and its parents' people who are in this database), by name. */
export function useStaffList(): Staff[] | undefined {
  const db = useDb();
  return useLiveQuery(() => staffByName(db), [db]);
}

export function useDuties(recipientId: string | null | undefined): Duty[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (recipientId ? dutiesOf(db, recipientId) : []), [db, recipientId]);
}

export function usePendingOccurrences(recipientId: string | null | undefined): DutyOccurrence[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (recipientId ? pendingOccurrencesOfRecipient(db, recipientId) : []), [db, recipientId]);
}

/** Search as you type; the matches found are all shown (`limit`), so they are opened. */
export function useRecipientSearch(query: string, limit = 20): Recipient[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (query.trim() === '' ? [] : recipientMatches(db, query, limit)), [db, query, limit]);
}
