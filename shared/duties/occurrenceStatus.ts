import type { DutyOccurrence } from '../domain/schemas';
import { compareDates, daysBetween } from '../calendar/shanghai';

/** What a caseworker sees on an occurrence. Overdue is derived from the date, never stored. */
export type OccurrenceState = 'done' | 'cancelled' | 'overdue' | 'due_soon' | 'upcoming';

/** Due within this many days (today included) shows orange (DOMAIN.md: "due within 7 days"). */
export const DUE_SOON_DAYS = 7;

export function classifyOccurrence(occ: Pick<DutyOccurrence, 'status' | 'dueDate'>, today: string): OccurrenceState {
  if (occ.status !== 'pending') return occ.status;
  const daysUntilDue = daysBetween(today, occ.dueDate);
  if (daysUntilDue < 0) return 'overdue';
  return daysUntilDue <= DUE_SOON_DAYS ? 'due_soon' : 'upcoming';
}

/** Whole days past the due date; 0 when due today or later. Due yesterday is 1 day overdue. */
export function daysOverdue(dueDate: string, today: string): number {
  return Math.max(0, daysBetween(dueDate, today));
}

export interface UrgencyItem {
  /** Combat heroes and first-class merit holders: their duties come first wherever listed. */
  isHero: boolean;
  dueDate: string;
}

/**
 * Sort order of the Today list: heroes first, then the most days overdue, then the earliest
 * due date. For one `today` both of the last two are the same order (more days overdue means
 * an earlier due date), so this compares due dates alone and needs no `today`.
 */
export function compareUrgency(a: UrgencyItem, b: UrgencyItem): number {
  if (a.isHero !== b.isHero) return a.isHero ? -1 : 1;
  return compareDates(a.dueDate, b.dueDate);
}
