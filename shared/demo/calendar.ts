/**
 * The generator's view of shared/calendar: dates as day numbers (days since 1970-01-01), so it
 * can add days and compare dates with integer arithmetic instead of allocating a Date per
 * visit, and cached formatting for the hot path (millions of visits). All dates are local
 * dates in Asia/Shanghai; times carry its fixed +08:00 offset.
 */
import { SHANGHAI_OFFSET, epochDayOf, ymdOfEpochDay } from '../calendar/shanghai';

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
  const { year, month, day } = ymdOfEpochDay(dayNumber);
  const s = `${year}-${pad2(month)}-${pad2(day)}`;
  if (slot >= 0 && slot < dateCache.length) dateCache[slot] = s;
  return s;
}

const TIMES = Array.from({ length: 24 * 60 }, (_, m) => `T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00${SHANGHAI_OFFSET}`);

/** `2026-11-28T09:30:00+08:00` from a day number and a minute of that day. */
export function formatTimestamp(dayNumber: number, minuteOfDay: number): string {
  const m = Math.min(24 * 60 - 1, Math.max(0, Math.floor(minuteOfDay)));
  return formatDay(dayNumber) + TIMES[m]!;
}

const dayCache = new Map<string, number>();

/** `epochDayOf` with a cache, for the due dates that come back from shared/duties as strings. */
export function dayOf(date: string): number {
  let n = dayCache.get(date);
  if (n === undefined) {
    n = epochDayOf(date);
    dayCache.set(date, n);
  }
  return n;
}
