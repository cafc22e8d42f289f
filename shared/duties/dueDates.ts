import type { Duty, Recipient } from '../domain/schemas';
import { addDays, addMonths, clampedDate, compareDates, daysBetween, laterDate, parseDate } from '../calendar/shanghai';
import { birthdayOnOrAfter } from './birthdays';
import { festivalDate } from './festivals';

/**
 * When a duty falls due. A duty's schedule is a set of dates:
 * - weekly: anchorDate + 7k days;
 * - monthly / quarterly / half-yearly: anchorDate + 1, 3 or 6 k months, each counted from the
 *   anchor and clamped to the month's end, so an anchor on the 31st gives 02-28, 03-31, 04-30
 *   and never drifts to the 28th;
 * - yearly: {month, day} every year, clamped to the month's end (02-29 → 02-28 in common years);
 * - birthday: the recipient's solar or lunar birthday every year (see birthdays.ts);
 * - festival: the festival's date every year;
 * - once: the single date.
 * No scheduled date is ever before anchorDate: a plan added today does not owe last week's call.
 */
export type ScheduledDuty = Pick<Duty, 'recurrence' | 'anchorDate'>;
export type ScheduledRecipient = Pick<Recipient, 'birthDate' | 'lunarBirthday'>;

const MONTH_STEP = { monthly: 1, quarterly: 3, half_yearly: 6 } as const;

function everyMonthsOnOrAfter(anchor: string, step: number, from: string): string {
  const a = parseDate(anchor);
  const f = parseDate(from);
  const monthsApart = (f.year - a.year) * 12 + (f.month - a.month);
  // Period k falls in month anchor + k·step: start at the last period in or before `from`'s
  // month (every earlier one is in an earlier month) and step forward, since that period's
  // date may still be before `from`.
  let k = Math.max(0, Math.floor(monthsApart / step));
  let date = addMonths(anchor, k * step);
  while (compareDates(date, from) < 0) {
    k += 1;
    date = addMonths(anchor, k * step);
  }
  return date;
}

function yearlyOnOrAfter(from: string, dateInYear: (year: number) => string): string {
  const { year } = parseDate(from);
  const thisYear = dateInYear(year);
  return compareDates(thisYear, from) >= 0 ? thisYear : dateInYear(year + 1);
}

/** The first scheduled date on or after `from` (and on or after the anchor), or null if none is left. */
export function firstScheduledOnOrAfter(duty: ScheduledDuty, recipient: ScheduledRecipient, from: string): string | null {
  const start = laterDate(from, duty.anchorDate);
  const r = duty.recurrence;
  switch (r.type) {
    case 'weekly': {
      const weeks = Math.max(0, Math.ceil(daysBetween(duty.anchorDate, start) / 7));
      return addDays(duty.anchorDate, weeks * 7);
    }
    case 'monthly':
    case 'quarterly':
    case 'half_yearly':
      return everyMonthsOnOrAfter(duty.anchorDate, MONTH_STEP[r.type], start);
    case 'yearly':
      return yearlyOnOrAfter(start, (year) => clampedDate(year, r.month, r.day));
    case 'birthday':
      return birthdayOnOrAfter(recipient.birthDate, recipient.lunarBirthday, start);
    case 'festival':
      return yearlyOnOrAfter(start, (year) => festivalDate(r.festival, year));
    case 'once':
      return compareDates(r.date, start) >= 0 ? r.date : null;
  }
}

/** The first scheduled date strictly after `after`, or null (a `once` duty whose date has passed). */
export function nextDueDate(duty: ScheduledDuty, recipient: ScheduledRecipient, after: string): string | null {
  return firstScheduledOnOrAfter(duty, recipient, addDays(after, 1));
}

/** The due date of a new duty's first occurrence: today's, if today is a scheduled date. */
export function firstDueDate(duty: ScheduledDuty, recipient: ScheduledRecipient, today: string): string | null {
  return firstScheduledOnOrAfter(duty, recipient, today);
}

/**
 * The next due date once an occurrence is done. Counting from the later of the due date and
 * the day it was done keeps the schedule's rhythm without owing visits twice: a monthly visit
 * due 10-15 and made late on 11-28 is next due 12-15 (11-15 would already be overdue the
 * moment it appears), and one made early on 10-10 is next due 11-15, not 10-15 again.
 */
export function nextDueAfterCompletion(
  duty: ScheduledDuty,
  recipient: ScheduledRecipient,
  previousDueDate: string,
  doneDate: string,
): string | null {
  return nextDueDate(duty, recipient, laterDate(previousDueDate, doneDate));
}
