import { Dexie, type Table } from 'dexie';
import { DUE_SOON_DAYS, addDays } from '../../shared/duties';
import type { YoufuDb } from './database';
import { heroRecipientIds, openRequests, pendingOccurrenceList } from './queries';

/**
 * The Today list's reads, made to stay fast with a whole city in one database (1.2 million
 * duty occurrences, 12,000 of them due): the list is ordered and counted from index keys alone,
 * and only the page on screen reads rows (`dueItemDetails`).
 */

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
 * Whether a table holds any row of a station outside `prefix`: two index probes of one key each.
 * A device's database mirrors its account's scope, so this is nearly always false, and a scope
 * filter that would have to read every row can be skipped.
 */
export async function holdsRowsOutside(table: Table<{ stationCode: string }, string>, prefix: string): Promise<boolean> {
  const [below, above] = await Promise.all([
    table.where('stationCode').below(prefix).limit(1).primaryKeys(),
    table.where('stationCode').aboveOrEqual(`${prefix}\uffff`).limit(1).primaryKeys(),
  ]);
  return below.length > 0 || above.length > 0;
}

/**
 * The pending occurrences due on or before `today + DUE_SOON_DAYS`, most urgent first.
 *
 * Whole-scope view: the ids come from the `[status+dueDate]` index in due-date order (overdue
 * and due-soon read as two ranges, so no date is needed to count them), and the heroes' lines
 * from `[recipientId+status]` keys of the hero recipients: no occurrence row is read. The
 * assignee's view, or a scope narrower than the database, reads the occurrences it keeps.
 */
export async function dueLines(db: YoufuDb, filter: TodayFilter): Promise<DueLines> {
  const { stationPrefix, assigneeId, today } = filter;
  const until = addDays(today, DUE_SOON_DAYS);
  const wholeDatabase = assigneeId === undefined && (stationPrefix === undefined || !(await holdsRowsOutside(db.dutyOccurrences, stationPrefix)));
  if (!wholeDatabase) {
    const [due, heroes] = await Promise.all([pendingOccurrenceList(db, { stationPrefix, assigneeId, until }), heroRecipientIds(db)]);
    const lines = due.map((o) => ({ occurrenceId: o.id, hero: heroes.has(o.recipientId), overdue: o.dueDate < today }));
    const overdue = lines.filter((l) => l.overdue).length;
    return { lines: heroesFirst(lines), overdue, dueSoon: lines.length - overdue };
  }
  const byDueDate = db.dutyOccurrences.where('[status+dueDate]');
  const [overdueIds, soonIds, heroIds] = await Promise.all([
    byDueDate.between(['pending', Dexie.minKey], ['pending', today], true, false).primaryKeys(),
    byDueDate.between(['pending', today], ['pending', until], true, true).primaryKeys(),
    heroOccurrenceIds(db),
  ]);
  const lines = [
    ...overdueIds.map((id) => ({ occurrenceId: id, hero: heroIds.has(id), overdue: true })),
    ...soonIds.map((id) => ({ occurrenceId: id, hero: heroIds.has(id), overdue: false })),
  ];
  return { lines: heroesFirst(lines), overdue: overdueIds.length, dueSoon: soonIds.length };
}

/** The ids of the heroes' pending occurrences (index keys only). */
async function heroOccurrenceIds(db: YoufuDb): Promise<Set<string>> {
  const heroes = [...(await heroRecipientIds(db))];
  if (heroes.length === 0) return new Set();
  return new Set(await db.dutyOccurrences.where('[recipientId+status]').anyOf(heroes.map((h) => [h, 'pending'])).primaryKeys());
}

/** Lines in due-date order, heroes' first: a stable partition (compareUrgency's order). */
function heroesFirst(lines: readonly DueLine[]): DueLine[] {
  return [...lines.filter((l) => l.hero), ...lines.filter((l) => !l.hero)];
}

/** Open and in-progress requests: index counts for a whole-database scope, else the rows kept. */
export async function openRequestCount(db: YoufuDb, filter: Omit<TodayFilter, 'today'>): Promise<number> {
  const { stationPrefix, assigneeId } = filter;
  if (assigneeId === undefined && (stationPrefix === undefined || !(await holdsRowsOutside(db.requests, stationPrefix)))) {
    const counts = await Promise.all(['open', 'in_progress'].map((s) => db.requests.where('status').equals(s).count()));
    return counts[0]! + counts[1]!;
  }
  return (await openRequests(db, filter)).length;
}
