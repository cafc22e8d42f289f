import { clampedDate, compareDates, parseDate } from '../calendar/shanghai';
import { fromLunar, lunarMonthLength, toLunar } from './lunarDate';

/**
 * The solar birthday in a year. Someone born on 29 February is greeted on 28 February in
 * common years: still in their birth month, and never a day after the birthday has passed.
 */
export function solarBirthdayInYear(birthDate: string, year: number): string {
  const { month, day } = parseDate(birthDate);
  return clampedDate(year, month, day);
}

/**
 * The solar date of a lunar birthday in a lunar year. Families keep the lunar month and day
 * of the birth; two cases need a rule, and we follow common custom:
 * - born on day 30 of a "big" month: in a year where that month has 29 days, the 29th
 *   (the month's last day) — the birthday is not moved into the next month;
 * - born in a leap month (闰月): celebrated in the ordinary month of the same number, which
 *   every year has; a leap month of that number recurs only every few decades.
 */
export function lunarBirthdayInLunarYear(birthDate: string, lunarYear: number): string {
  const birth = toLunar(birthDate);
  const day = Math.min(birth.day, lunarMonthLength(lunarYear, birth.month));
  return fromLunar({ year: lunarYear, month: birth.month, day, leap: false });
}

/** The first birthday (solar or lunar, as the recipient celebrates it) on or after `from`. */
export function birthdayOnOrAfter(birthDate: string, lunarBirthday: boolean, from: string): string {
  const { year } = parseDate(from);
  // A lunar birthday in the 11th or 12th lunar month falls in January or February of the next
  // solar year, so the lunar year before `from`'s solar year can still hold the answer.
  const candidates = lunarBirthday
    ? [year - 1, year, year + 1].map((y) => lunarBirthdayInLunarYear(birthDate, y))
    : [year, year + 1].map((y) => solarBirthdayInYear(birthDate, y));
  const found = candidates.find((d) => compareDates(d, from) >= 0);
  // Unreachable: next year's birthday is always on or after any date of this year.
  if (found === undefined) throw new Error(`No birthday on or after ${from}`);
  return found;
}
