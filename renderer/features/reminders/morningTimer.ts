import { nextMorningAt } from '../../../shared/reminders/morningSchedule';

export interface MorningTimerDeps {
  now(): Date;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** 09:00 has come (or passed while the timer slept): the caller checks whether a reminder is owed. */
  onMorning(): void;
}

/**
 * The longest the timer sleeps at once. A single timeout of many hours would fire late after
 * the computer slept or the clock was set, so it wakes every minute and looks at the clock.
 */
export const MORNING_TIMER_MAX_SLEEP_MS = 60_000;

/**
 * Calls `onMorning` when the Shanghai clock reaches 09:00, every day the app stays open. The
 * target is computed again from `now` at each wake (never by adding a day): a clock that jumps
 * forward past 09:00 fires once, one that goes back aims at the 09:00 ahead of it.
 */
export function startMorningTimer(deps: MorningTimerDeps): { stop(): void } {
  let target = nextMorningAt(deps.now()).getTime();
  let handle: unknown = null;
  let stopped = false;

  const arm = (): void => {
    const wait = Math.min(Math.max(0, target - deps.now().getTime()), MORNING_TIMER_MAX_SLEEP_MS);
    handle = deps.setTimer(tick, wait);
  };
  const tick = (): void => {
    if (stopped) return;
    const now = deps.now();
    if (now.getTime() >= target) deps.onMorning();
    target = nextMorningAt(now).getTime();
    arm();
  };
  arm();
  return {
    stop() {
      stopped = true;
      if (handle !== null) deps.clearTimer(handle);
    },
  };
}
