import { addDays, mondayOf } from '../calendar/shanghai';

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

export function reviewWeek(anyDayOfWeek: string, today: string): ReviewWeek {
  const weekStart = mondayOf(anyDayOfWeek);
  const weekEnd = addDays(weekStart, 6);
  return { weekStart, weekEnd, asOf: weekEnd < today ? weekEnd : today };
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
