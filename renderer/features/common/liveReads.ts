import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/DbProvider';
import type { Duty, DutyOccurrence, Recipient, Staff } from '../../../shared/domain/schemas';
import { searchRecipients } from '../../db/queries';

/**
 * Small live reads the feature screens need that the shared query module does not offer.
 * Reads only; every write goes through the repositories.
 */
export function useRecipient(id: string | null | undefined): Recipient | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!id) return null;
    const stored = await db.recipients.get(id);
    return stored ? db.codec.decode('recipients', stored) : null;
  }, [db, id]);
}

/** Staff of the station (and its parents' people who are in this database), by name. */
export function useStaffList(): Staff[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows = await db.staff.toArray();
    // Opened: phones are sealed (the roster is tens of rows, a district's a few hundred).
    return (await Promise.all(rows.map((r) => db.codec.decode('staff', r)))).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }, [db]);
}

export function useDuties(recipientId: string | null | undefined): Duty[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!recipientId) return [];
    const rows = await db.duties.where('recipientId').equals(recipientId).toArray();
    return Promise.all(rows.map((r) => db.codec.decode('duties', r)));
  }, [db, recipientId]);
}

export function usePendingOccurrences(recipientId: string | null | undefined): DutyOccurrence[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!recipientId) return [];
    const rows = await db.dutyOccurrences.where('[recipientId+status]').equals([recipientId, 'pending']).toArray();
    return rows.map((r) => db.codec.decodeSummary('dutyOccurrences', r)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }, [db, recipientId]);
}

/**
 * Search as you type (the shared query: name, pinyin initials, last 4 of the ID number or a
 * phone); the matches found are all shown (`limit`), so they are opened.
 */
export function useRecipientSearch(query: string, limit = 20): Recipient[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (query.trim() === '') return [];
    const found = await searchRecipients(db, { text: query }, limit);
    return Promise.all(found.map((r) => db.codec.openListItem('recipients', r)));
  }, [db, query, limit]);
}
