/**
 * Local calendar dates (`YYYY-MM-DD`, Asia/Shanghai) as pure integers. Due dates are whole
 * days for a caseworker in Shenzhen; a local-time `Date` would shift them by the machine's
 * time zone and DST rules, so nothing here ever constructs one.
 */
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

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil):
// exact integer arithmetic for any year, where Date.UTC maps years 0–99 to 1900–1999.
function toEpochDay({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(epochDay: number): CalendarDate {
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

export function addDays(date: string, days: number): string {
  return formatDate(fromEpochDay(toEpochDay(parseDate(date)) + days));
}

/**
 * Adds calendar months, clamping the day to the target month's end: 01-31 + 1 month is
 * 02-28 (or 02-29). Always count from the original anchor, never chain: chaining would
 * drift 01-31 → 02-28 → 03-28.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  return clampedDate(Math.floor(index / 12), (index % 12 + 12) % 12 + 1, day);
}

/** Negative, zero or positive like a sort comparator. ISO dates order as strings. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(parseDate(to)) - toEpochDay(parseDate(from));
}

export function laterDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

/** ISO weekday: 1 = Monday (周一) … 7 = Sunday (周日), the order Chinese calendars print. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toEpochDay(parseDate(date)) + 3) % 7) + 7) % 7) + 1;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in Shenzhen. China has kept UTC+8 without daylight saving since 1991. */
export function todayInShanghai(now: Date): string {
  const shifted = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return formatDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}
