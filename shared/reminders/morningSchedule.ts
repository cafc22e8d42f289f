import { DAY_MS, fromWallClockMs, todayInShanghai, toWallClockMs } from '../calendar/shanghai';

/** The morning reminder's hour on the Shanghai wall clock. */
export const MORNING_REMINDER_HOUR = 9;

/**
 * The next 09:00 in Shanghai strictly after `now`: today's if it is still ahead, else
 * tomorrow's. Computed from `now` every time (never by adding a day to the last one), so a
 * clock that jumped (a sleep, a hand-set clock) gets the right morning.
 */
export function nextMorningAt(now: Date): Date {
  const wall = toWallClockMs(now.getTime());
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const todayAtHour = midnight + MORNING_REMINDER_HOUR * 3_600_000;
  return new Date(fromWallClockMs(todayAtHour > wall ? todayAtHour : todayAtHour + DAY_MS));
}

/**
 * Whether the morning reminder is still owed on the Shanghai day of `now`: once a day per
 * account, so it is owed unless it was shown on that very day. A day shown that lies ahead of
 * `now` (the clock was set back) does not count as today's.
 */
export function shouldRemind(lastShownDay: string | null | undefined, now: Date): boolean {
  return lastShownDay !== todayInShanghai(now);
}
