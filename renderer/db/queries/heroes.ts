import { Dexie } from 'dexie';
import type { Duty, DutyOccurrence, Recipient } from '../../../shared/domain/schemas';
import type { YoufuDb } from '../database';
import { openRows } from './rows';

/** The hero cards' reads: the combat heroes and first-class merit holders a staff member serves. */

/**
 * The combat heroes and first-class merit holders a dedicated staff member serves (a handful,
 * all on screen as cards: opened), in name order.
 */
export async function heroesOf(db: YoufuDb, staffId: string): Promise<Recipient[]> {
  const rows = await db.recipients
    .where('dedicatedStaffId')
    .equals(staffId)
    .filter((r) => r.isHero === 1)
    .toArray();
  return (await openRows(db, 'recipients', rows)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

export interface HeroCardData {
  /** Opened: every card is on screen (a staff member serves a handful). */
  hero: Recipient;
  /** Pending occurrences, earliest first, with their plans. */
  pending: { occurrence: DutyOccurrence; duty: Duty | undefined }[];
  lastContact: string | null;
}

/** The heroes a dedicated staff member serves, each with pending duties and the last visit or call. */
export async function heroCards(db: YoufuDb, staffId: string): Promise<HeroCardData[]> {
  const heroes = await heroesOf(db, staffId);
  return Promise.all(
    heroes.map(async (hero): Promise<HeroCardData> => {
      const occ = (await db.dutyOccurrences.where('[recipientId+status]').equals([hero.id, 'pending']).toArray())
        .map((o) => db.codec.decodeSummary('dutyOccurrences', o))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      const stored = await db.duties.bulkGet([...new Set(occ.map((o) => o.dutyId))]);
      const last = await db.visits.where('[recipientId+visitedAt]').between([hero.id, Dexie.minKey], [hero.id, Dexie.maxKey]).last();
      const dutyById = new Map((await openRows(db, 'duties', stored)).map((d) => [d.id, d] as const));
      return {
        hero,
        pending: occ.map((occurrence) => ({ occurrence, duty: dutyById.get(occurrence.dutyId) })),
        lastContact: last?.visitedAt ?? null,
      };
    }),
  );
}
