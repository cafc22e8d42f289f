import { Dexie } from 'dexie';
import type { Duty, DutyOccurrence, Recipient } from '../../../shared/domain/schemas';
import { DUE_SOON_DAYS, addDays } from '../../../shared/duties';
import type { YoufuDb } from '../database';
import { type RequestSummary, openRows, pendingOccurrencesOf } from './rows';
import { DUE_DAYS, isRequestOverdue } from '../../../shared/requests/deadlines';
import { daysBetween, shanghaiDate } from '../../../shared/calendar/shanghai';

/** The Today screen's reads: its due lines, their details for the page on screen, the open requests. */

/** One line of the Today list as ordered and counted: which occurrence, and how urgent. */
export interface DueLine {
  occurrenceId: string;
  /** A combat hero's or first-class merit holder's: these lines come first. */
  hero: boolean;
  overdue: boolean;
}

export interface DueLines {
  /** Heroes first, then by due date (the most days overdue first), then by id. */
  lines: DueLine[];
  overdue: number;
  dueSoon: number;
}

export interface TodayFilter {
  /** Lines of stations under this code only. */
  stationPrefix?: string | undefined;
  /** Lines of the duties assigned to this staff member only. */
  assigneeId?: string | undefined;
  today: string;
}

/**
 * The pending occurrences due on or before `today + DUE_SOON_DAYS`, most urgent first: one read
 * of the `[status+dueDate]` range (or of the assignee's duties), and the hero recipients' ids
 * from the `isHero` index. Only ids are kept: the page on screen reads its rows.
 *
 * Measured on a whole city (npm run bench -- --scale city): reading those 12,000 occurrences
 * whole (330 ms) beats reading only their index keys and finding the heroes' among them through
 * `[recipientId+status]` (about 450 ms): each index entry costs Chromium's IndexedDB about as
 * much as a row, and the hero lookups add a request per hero.
 */
export async function dueLines(db: YoufuDb, filter: TodayFilter): Promise<DueLines> {
  const { stationPrefix, assigneeId, today } = filter;
  const [due, heroes] = await Promise.all([
    pendingOccurrenceList(db, { stationPrefix, assigneeId, until: addDays(today, DUE_SOON_DAYS) }),
    heroRecipientIds(db),
  ]);
  const lines = due.map((o) => ({ occurrenceId: o.id, hero: heroes.has(o.recipientId), overdue: o.dueDate < today }));
  const overdue = lines.filter((l) => l.overdue).length;
  // In due-date order already: a stable partition puts the heroes first (compareUrgency's order).
  return { lines: [...lines.filter((l) => l.hero), ...lines.filter((l) => !l.hero)], overdue, dueSoon: lines.length - overdue };
}

export interface DueItem {
  occurrence: DutyOccurrence;
  duty: Duty | undefined;
  /** Opened: the line shows the name and categories. */
  recipient: Recipient | undefined;
}

/**
 * Pending occurrences due on or before `until`, in due-date order (then by id), without their
 * duty or recipient. `assigneeId` keeps the duties assigned to that staff member: read through
 * `[dutyId+status]`, a few hundred rows however big the database. Otherwise the range is read in
 * one getAll and filtered here: a Dexie .filter() walks a cursor, one event per row, several
 * times slower over the same rows.
 */
export async function pendingOccurrenceList(
  db: YoufuDb,
  filter: { stationPrefix?: string | undefined; assigneeId?: string | undefined; until: string },
): Promise<DutyOccurrence[]> {
  const inScope = (o: DutyOccurrence): boolean => filter.stationPrefix === undefined || o.stationCode.startsWith(filter.stationPrefix);
  let occurrences;
  if (filter.assigneeId !== undefined) {
    const duties = await db.duties.where('assigneeId').equals(filter.assigneeId).primaryKeys();
    occurrences = (await pendingOccurrencesOf(db, '[dutyId+status]', duties))
      .filter((o) => o.dueDate <= filter.until && inScope(o))
      .sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));
  } else {
    occurrences = (
      await db.dutyOccurrences.where('[status+dueDate]').between(['pending', Dexie.minKey], ['pending', filter.until], true, true).toArray()
    ).filter(inScope);
  }
  return occurrences.map((o) => db.codec.decodeSummary('dutyOccurrences', o));
}

/** The ids of every hero recipient (keys of the `isHero` index only: no row is read). */
export async function heroRecipientIds(db: YoufuDb): Promise<Set<string>> {
  return new Set(await db.recipients.where('isHero').equals(1).primaryKeys());
}

/**
 * The duty and recipient of each occurrence given (the lines a list shows), opened: call it for
 * the lines on screen only (a page), never for a whole list.
 */
export async function dueItemDetails(db: YoufuDb, occurrences: readonly DutyOccurrence[]): Promise<DueItem[]> {
  const [storedDuties, storedRecipients] = await Promise.all([
    db.duties.bulkGet([...new Set(occurrences.map((o) => o.dutyId))]),
    db.recipients.bulkGet([...new Set(occurrences.map((o) => o.recipientId))]),
  ]);
  const [duties, recipients] = await Promise.all([openRows(db, 'duties', storedDuties), openRows(db, 'recipients', storedRecipients)]);
  const dutyById = new Map(duties.map((d) => [d.id, d] as const));
  const recipientById = new Map(recipients.map((r) => [r.id, r] as const));
  return occurrences.map((occurrence) => ({
    occurrence,
    duty: dutyById.get(occurrence.dutyId),
    recipient: recipientById.get(occurrence.recipientId),
  }));
}

/** Open and in-progress requests, oldest first (the ones open longest surface to the supervisor); no description. */
export async function openRequests(
  db: YoufuDb,
  filter: { stationPrefix?: string | undefined; assigneeId?: string | undefined } = {},
): Promise<RequestSummary[]> {
  const active = (r: { status: string }): boolean => r.status === 'open' || r.status === 'in_progress';
  // A staff member's requests through their index; else one getAll per status, filtered here
  // (anyOf and .filter() walk a cursor, one event per row).
  const rows =
    filter.assigneeId !== undefined
      ? (await db.requests.where('assigneeId').equals(filter.assigneeId).toArray()).filter(active)
      : (
          await Promise.all((['open', 'in_progress'] as const).map((status) => db.requests.where('status').equals(status).toArray()))
        ).flat();
  return rows
    .filter((r) => filter.stationPrefix === undefined || r.stationCode.startsWith(filter.stationPrefix))
    .map((r) => db.codec.decodeSummary('requests', r))
    .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : 0));
}

/** A line as shown: its occurrence, duty and recipient read for the rows on screen only. */
export interface TodayItem extends DueLine {
  occurrence: DutyOccurrence;
  duty: DueItem['duty'];
  recipient: DueItem['recipient'];
}

export interface TodayData {
  lines: DueLine[];
  overdue: number;
  dueSoon: number;
  openRequests: number;
  /** Of those, past their due day (issue 16). */
  overdueRequests: number;
}

/**
 * The Today list's data: overdue and soon-due occurrences, most urgent first (heroes, then
 * days overdue), and the open requests count. What the Today screen shows; the benchmark
 * (renderer/bench) times this very function plus the first page's details.
 *
 * The list keeps ids only (`dueLines`); the rows of the page on screen are read by
 * `loadTodayDetails`.
 */
export async function loadTodayData(db: YoufuDb, filter: TodayFilter): Promise<TodayData> {
  const [due, requests] = await Promise.all([dueLines(db, filter), openRequests(db, filter)]);
  return { ...due, openRequests: requests.length, overdueRequests: await countOverdue(db, requests, filter.today) };
}

/**
 * How many of these open requests are past their due day (shared/requests/deadlines.ts). The
 * urgency is sealed: only a request opened between the shortest and the longest due period
 * ago is opened to read it; older ones are overdue whatever their urgency, newer ones are not.
 */
async function countOverdue(db: YoufuDb, requests: readonly RequestSummary[], today: string): Promise<number> {
  const shortest = Math.min(...Object.values(DUE_DAYS));
  const longest = Math.max(...Object.values(DUE_DAYS));
  let overdue = 0;
  const undecided: string[] = [];
  for (const r of requests) {
    const age = daysBetween(shanghaiDate(r.openedAt), today);
    if (age > longest) overdue++;
    else if (age > shortest) undecided.push(r.id);
  }
  if (undecided.length === 0) return overdue;
  const stored = await db.requests.bulkGet(undecided);
  const opened = await Promise.all(stored.flatMap((s) => (s ? [db.codec.decode('requests', s)] : [])));
  return overdue + opened.filter((r) => isRequestOverdue(r, today)).length;
}

/**
 * The occurrences, duties and recipients of the lines given (a page of the list), in their
 * order. A line whose occurrence is gone (a sync in between) is left out: the list that named
 * it is read again at once.
 */
export async function loadTodayDetails(db: YoufuDb, lines: readonly DueLine[]): Promise<TodayItem[]> {
  const rows = await db.dutyOccurrences.bulkGet(lines.map((l) => l.occurrenceId));
  const found = lines.flatMap((line, i) => {
    const row = rows[i];
    return row ? [{ line, occurrence: db.codec.decodeSummary('dutyOccurrences', row) }] : [];
  });
  const details = await dueItemDetails(
    db,
    found.map((f) => f.occurrence),
  );
  return found.map((f, i) => ({ ...f.line, occurrence: f.occurrence, duty: details[i]?.duty, recipient: details[i]?.recipient }));
}
