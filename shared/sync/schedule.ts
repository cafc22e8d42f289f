/**
 * When the client syncs next. Caseworkers sync continuously (after a change, debounced, and
 * on a timer); supervisors may choose a weekly schedule (a weekday and hour, Asia/Shanghai).
 */
import { DAY_MS, fromWallClockMs, isoWeekdayOfEpochDay, toWallClockMs } from '../calendar/shanghai';

export type SyncSchedule =
  | { kind: 'interval'; minutes: number }
  | { kind: 'weekly'; weekday: number /* 1 = Monday … 7 = Sunday */; hour: number }
  | { kind: 'manual' };

export const DEFAULT_SCHEDULE: SyncSchedule = { kind: 'interval', minutes: 15 };

/** The next scheduled sync strictly after `lastAttemptMs`, or null for manual sync only. */
export function nextScheduledSync(schedule: SyncSchedule, lastAttemptMs: number): number | null {
  switch (schedule.kind) {
    case 'manual':
      return null;
    case 'interval':
      return lastAttemptMs + Math.max(1, schedule.minutes) * 60_000;
    case 'weekly': {
      // Work in Shanghai wall-clock time (no daylight saving there), then convert back.
      const local = toWallClockMs(lastAttemptMs);
      const day = Math.floor(local / DAY_MS);
      const dayStart = day * DAY_MS;
      const weekday = isoWeekdayOfEpochDay(day);
      let candidate = dayStart + (schedule.weekday - weekday) * DAY_MS + schedule.hour * 3600_000;
      while (candidate <= local) candidate += 7 * DAY_MS;
      return fromWallClockMs(candidate);
    }
  }
}
