import { DUE_SOON_DAYS, addDays } from '../../shared/duties';
import type { YoufuDb } from './database';
import { heroRecipientIds, pendingOccurrenceList } from './queries';

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
