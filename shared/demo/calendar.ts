/**
 * Calendar dates as day numbers (days since 1970-01-01), so the generator can add days and
 * compare dates with integer arithmetic instead of allocating a Date per visit. All dates are
 * local dates in Asia/Shanghai; times carry a fixed +08:00 offset (China has no DST).
 */

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdFromDay(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` → day number; throws on anything else (only used on trusted options). */
export function parseLocalDate(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${s}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayFromYmd(year, month, day);
  const back = ymdFromDay(n);
  if (back.month !== month || back.day !== day) throw new Error(`not a real date: ${s}`);
  return n;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Formatting is on the hot path (millions of visits), so strings are cached per day in an
 * array indexed from 1900-01-01 (cheaper than a Map); days outside 1900–2099 are not cached.
 */
const CACHE_FROM = -25567; // 1900-01-01
const dateCache: (string | undefined)[] = new Array<string | undefined>(73_049).fill(undefined);

export function formatDay(dayNumber: number): string {
  const slot = dayNumber - CACHE_FROM;
  const cached = dateCache[slot];
  if (cached !== undefined) return cached;
  const { year, month, day } = ymdFromDay(dayNumber);
  const s = `${year}-${pad2(month)}-${pad2(day)}`;
  if (slot >= 0 && slot < dateCache.length) dateCache[slot] = s;
  return s;
}

const TIMES = Array.from({ length: 24 * 60 }, (_, m) => `T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00+08:00`);

/** `2026-11-28T09:30:00+08:00` from a day number and a minute of that day. */
export function formatTimestamp(dayNumber: number, minuteOfDay: number): string {
  const m = Math.min(24 * 60 - 1, Math.max(0, Math.floor(minuteOfDay)));
  return formatDay(dayNumber) + TIMES[m]!;
}

/** Adds calendar months, keeping the day of month (callers keep days ≤ 28, so no clamping). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymdFromDay(dayNumber);
  const total = year * 12 + (month - 1) + months;
  return dayFromYmd(Math.floor(total / 12), (total % 12) + 1, day);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whole years between a birth date and a day (the age on that day). */
export function ageOn(birthDay: number, onDay: number): number {
  const b = ymdFromDay(birthDay);
  const t = ymdFromDay(onDay);
  return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
}

const dayCache = new Map<string, number>();

/** `parseLocalDate` with a cache, for the due dates that come back from shared/duties as strings. */
export function dayOf(date: string): number {
  let n = dayCache.get(date);
  if (n === undefined) {
    n = parseLocalDate(date);
    dayCache.set(date, n);
  }
  return n;
}
