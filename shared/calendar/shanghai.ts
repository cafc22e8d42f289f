/**
 * The house's one calendar: local dates (`YYYY-MM-DD`) and wall-clock times in Asia/Shanghai,
 * where every caseworker and supervisor works. China has kept UTC+8 without daylight saving
 * since 1991, so the zone is a fixed shift and everything here is integer arithmetic: a
 * machine-local `Date` would move dates by the machine's zone and DST rules, so nothing here
 * reads one.
 *
 * Two layers: calendar dates (strings, or day numbers counted from 1970-01-01 for hot loops)
 * and instants (a `Date`, epoch milliseconds or an ISO-8601 string with any offset) seen on
 * the Shanghai wall clock.
 */

/** The zone's IANA name, for `Intl`, browsers' `timezoneId` and SQL's `AT TIME ZONE`. */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
/** The offset stored times carry, so that their date part is the date people see. */
export const SHANGHAI_OFFSET = '+08:00';
export const SHANGHAI_OFFSET_HOURS = 8;
export const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_HOURS * 3_600_000;
export const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a real date written `YYYY-MM-DD` (no 2026-02-29, no 2026-1-5, no time part). */
export function isCalendarDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Throws on anything but a real date: inputs were validated at the boundary, so a bad one is a bug. */
export function parseDate(text: string): CalendarDate {
  const m = DATE_PATTERN.exec(text);
  if (!m || !isCalendarDate(text)) throw new RangeError(`Not a calendar date: ${JSON.stringify(text)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date with its day clamped to the month's last day (31 → 30, 29 February → 28). */
export function clampedDate(year: number, month: number, day: number): string {
  return formatDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil):
 * exact integer arithmetic for any year, where Date.UTC maps years 0–99 to 1900–1999.
 */
export function epochDayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (Hinnant's civil_from_days). */
export function ymdOfEpochDay(epochDay: number): CalendarDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` → day number; throws like `parseDate`. */
export function epochDayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return epochDayFromYmd(year, month, day);
}

export function dateOfEpochDay(epochDay: number): string {
  return formatDate(ymdOfEpochDay(epochDay));
}

export function addDays(date: string, days: number): string {
  return dateOfEpochDay(epochDayOf(date) + days);
}

/** The year and month `months` after (or before) a month. */
function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * Adds calendar months, clamping the day to the target month's end: 01-31 + 1 month is
 * 02-28 (or 02-29). Always count from the original anchor, never chain: chaining would
 * drift 01-31 → 02-28 → 03-28.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const target = shiftMonth(year, month, months);
  return clampedDate(target.year, target.month, day);
}

/** `addMonths` on day numbers, for loops that count days. */
export function addMonthsToEpochDay(epochDay: number, months: number): number {
  const { year, month, day } = ymdOfEpochDay(epochDay);
  const target = shiftMonth(year, month, months);
  return epochDayFromYmd(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** Negative, zero or positive like a sort comparator. ISO dates order as strings. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return epochDayOf(to) - epochDayOf(from);
}

export function laterDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

/** ISO weekday of a day number: 1 = Monday (周一) … 7 = Sunday (周日). 1970-01-01 was a Thursday. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: 1 = Monday (周一) … 7 = Sunday (周日), the order Chinese calendars print. */
export function isoWeekday(date: string): number {
  return isoWeekdayOfEpochDay(epochDayOf(date));
}

/** The week's first day: Monday of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Whole years between a birth date and a day (the age on that day), on day numbers. */
export function ageOnEpochDay(birthDay: number, onDay: number): number {
  const b = ymdOfEpochDay(birthDay);
  const t = ymdOfEpochDay(onDay);
  return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
}

// ---- Instants on the Shanghai wall clock ----

/**
 * Epoch milliseconds whose UTC reading is the Shanghai wall clock of the instant `ms`
 * (`new Date(wall).getUTCHours()` is the hour in Shenzhen).
 */
export function toWallClockMs(ms: number): number {
  return ms + SHANGHAI_OFFSET_MS;
}

/** The instant whose Shanghai wall clock reads `wallMs` in UTC. */
export function fromWallClockMs(wallMs: number): number {
  return wallMs - SHANGHAI_OFFSET_MS;
}

/** `2026-11-28T09:30:00.000` (no offset): the wall clock of an instant, to the millisecond. */
function wallClockText(instant: Date): string {
  return new Date(toWallClockMs(instant.getTime())).toISOString().slice(0, 23);
}

/** Today's date in Shenzhen at the instant `now`. */
export function todayInShanghai(now: Date): string {
  const wall = new Date(toWallClockMs(now.getTime()));
  return formatDate({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() });
}

/** The Shanghai calendar date of an ISO-8601 instant written with any offset; throws on anything else. */
export function shanghaiDate(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return todayInShanghai(new Date(ms));
}

/**
 * `2026-11-28T09:30:00.000+08:00`: stored times carry Shanghai's offset so that the date part
 * is the local calendar date people see.
 */
export function toShanghaiIso(instant: Date): string {
  return `${wallClockText(instant)}${SHANGHAI_OFFSET}`;
}

/** `2026-11-28T09:30:00+08:00`: `toShanghaiIso` to the second. */
export function toShanghaiIsoSeconds(instant: Date): string {
  return `${wallClockText(instant).slice(0, 19)}${SHANGHAI_OFFSET}`;
}

/** `2026-11-28 09:30`: what a person in Shenzhen reads on the clock, 24-hour. */
export function shanghaiDateTimeText(instant: Date): string {
  return wallClockText(instant).slice(0, 16).replace('T', ' ');
}

/**
 * The instant of a Shanghai date and wall-clock time, as stored: `2026-11-28T09:05:00+08:00`.
 * The caller checks the ranges (hour 0–23, minute and second 0–59).
 */
export function shanghaiInstant(date: string, hour: number, minute: number, second = 0): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date}T${two(hour)}:${two(minute)}:${two(second)}${SHANGHAI_OFFSET}`;
}
