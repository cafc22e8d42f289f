import { addDays, isCalendarDate, isoWeekday } from '../duties/calendarDate';

/**
 * The review's calendar. A week is an ISO week: Monday to Sunday, both days included, in
 * Asia/Shanghai calendar dates (`YYYY-MM-DD`). Instants (`visitedAt`, `doneAt`, `openedAt` …)
 * count on the Shanghai calendar date they fall on, whatever offset they were written with.
 */
export interface ReviewWeek {
  /** Monday. */
  weekStart: string;
  /** Sunday. */
  weekEnd: string;
  /**
   * The day whose end the "as of" figures (active recipients, overdue duties, open requests)
   * describe: the week's Sunday, or today while the week is not over yet.
   */
  asOf: string;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Monday of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  if (!isCalendarDate(date)) throw new Error(`not a date: ${date}`);
  return addDays(date, 1 - isoWeekday(date));
}

export function reviewWeek(anyDayOfWeek: string, today: string): ReviewWeek {
  const weekStart = mondayOf(anyDayOfWeek);
  const weekEnd = addDays(weekStart, 6);
  return { weekStart, weekEnd, asOf: weekEnd < today ? weekEnd : today };
}

/** The Shanghai calendar date of an ISO-8601 instant (China has no daylight saving time). */
export function shanghaiDate(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The 12 months (`YYYY-MM`) that end with the month of `date`, oldest first. */
export function last12Months(date: string): string[] {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const out: string[] = [];
  for (let i = 11; i >= 0; i -= 1) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The Mondays of the 52 weeks that end with the week starting `weekStart`, oldest first. */
export function last52Weeks(weekStart: string): string[] {
  return Array.from({ length: 52 }, (_, i) => addDays(weekStart, (i - 51) * 7));
}
