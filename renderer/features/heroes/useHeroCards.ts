import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/DbProvider';
import type { Duty, DutyOccurrence } from '../../../shared/domain/schemas';
import { type RecipientSummary, heroesOf } from '../../db/queries';

export interface HeroCardData {
  hero: RecipientSummary;
  /** Pending occurrences, earliest first, with their plans. */
  pending: { occurrence: DutyOccurrence; duty: Duty | undefined }[];
  lastContact: string | null;
}

/** The heroes a dedicated staff member serves, each with pending duties and the last visit or call. */
export function useHeroCards(staffId: string): HeroCardData[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const heroes = await heroesOf(db, staffId);
    return Promise.all(heroes.map(async (hero): Promise<HeroCardData> => {
      const occ = (await db.dutyOccurrences.where('[recipientId+status]').equals([hero.id, 'pending']).toArray())
        .map((o) => db.codec.decodeSummary('dutyOccurrences', o))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      const duties = await db.duties.bulkGet([...new Set(occ.map((o) => o.dutyId))]);
      const dutyById = new Map(duties.flatMap((d) => (d ? [[d.id, db.codec.decodeSummary('duties', d)] as const] : [])));
      const last = await db.visits.where('[recipientId+visitedAt]').between([hero.id, Dexie.minKey], [hero.id, Dexie.maxKey]).last();
      return {
        hero,
        pending: occ.map((occurrence) => ({ occurrence, duty: dutyById.get(occurrence.dutyId) })),
        lastContact: last?.visitedAt ?? null,
      };
    }));
  }, [db, staffId]);
}
