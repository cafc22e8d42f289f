import type { Aid, Duty, DutyOccurrence, Recipient, Request, Visit } from '../../../shared/domain/schemas';
import type { YoufuDb } from '../database';
import { searchRecipients } from './caseload';

/** A recipient's profile reads (see rows.ts for the rules). */

export type TimelineEntry =
  { kind: 'visit'; date: string; row: Visit } | { kind: 'aid'; date: string; row: Aid } | { kind: 'request'; date: string; row: Request };

/**
 * A recipient's visits, aid and requests, newest first. `date` is the sort key: the visit time,
 * the aid date, the request's opening time (all start with the Shanghai calendar date).
 */
export async function recipientTimeline(db: YoufuDb, recipientId: string): Promise<TimelineEntry[]> {
  const [visits, aid, requests] = await Promise.all([
    db.visits.where('recipientId').equals(recipientId).toArray(),
    db.aid.where('recipientId').equals(recipientId).toArray(),
    db.requests.where('recipientId').equals(recipientId).toArray(),
  ]);
  // The profile shows every detail: opened here, after every read.
  const [openVisits, openAid, openRequests] = await Promise.all([
    Promise.all(visits.map((v) => db.codec.decode('visits', v))),
    Promise.all(aid.map((a) => db.codec.decode('aid', a))),
    Promise.all(requests.map((r) => db.codec.decode('requests', r))),
  ]);
  const entries: TimelineEntry[] = [
    ...openVisits.map((v): TimelineEntry => ({ kind: 'visit', date: v.visitedAt, row: v })),
    ...openAid.map((a): TimelineEntry => ({ kind: 'aid', date: a.date, row: a })),
    ...openRequests.map((r): TimelineEntry => ({ kind: 'request', date: r.openedAt, row: r })),
  ];
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** One recipient, opened; null when there is none with that id. */
export async function recipientById(db: YoufuDb, id: string): Promise<Recipient | null> {
  const stored = await db.recipients.get(id);
  return stored ? db.codec.decode('recipients', stored) : null;
}

/** A recipient's name, opened from its sealed row (for a cell on screen); null when there is none. */
export async function recipientName(db: YoufuDb, id: string): Promise<string | null> {
  return (await recipientById(db, id))?.name ?? null;
}

/** A recipient's duty plans, opened. */
export async function dutiesOf(db: YoufuDb, recipientId: string): Promise<Duty[]> {
  const rows = await db.duties.where('recipientId').equals(recipientId).toArray();
  return Promise.all(rows.map((r) => db.codec.decode('duties', r)));
}

/** A recipient's pending occurrences, earliest due first (nothing sealed is shown). */
export async function pendingOccurrencesOfRecipient(db: YoufuDb, recipientId: string): Promise<DutyOccurrence[]> {
  const rows = await db.dutyOccurrences.where('[recipientId+status]').equals([recipientId, 'pending']).toArray();
  return rows.map((r) => db.codec.decodeSummary('dutyOccurrences', r)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/**
 * Search as you type (name, pinyin initials, last 4 of the ID number or a phone); the matches
 * found are all shown (`limit`), so they are opened.
 */
export async function recipientMatches(db: YoufuDb, text: string, limit: number): Promise<Recipient[]> {
  const found = await searchRecipients(db, { text }, limit);
  return Promise.all(found.map((r) => db.codec.openListItem('recipients', r)));
}
