import { describe, expect, it } from 'vitest';
import { MORNING_TIMER_MAX_SLEEP_MS, startMorningTimer } from './morningTimer';

/**
 * A wall clock and timers under the test's hand. Timers run on their own (monotonic) time, as a
 * browser's do: setting the wall clock moves no timer, a sleep wakes the sleeping one once.
 */
function fakeTime(startIso: string) {
  let wall = Date.parse(startIso);
  let mono = 0;
  let pending: { at: number; fn: () => void; id: number } | null = null;
  let nextId = 1;
  const mornings: string[] = [];
  const timer = startMorningTimer({
    now: () => new Date(wall),
    setTimer: (fn, ms) => {
      pending = { at: mono + ms, fn, id: nextId++ };
      return pending.id;
    },
    clearTimer: (h) => {
      if (pending?.id === h) pending = null;
    },
    onMorning: () => mornings.push(new Date(wall).toISOString()),
  });
  return {
    mornings,
    timer,
    pendingDelay: () => (pending ? pending.at - mono : null),
    /** Time flows: every timer due within `ms` runs at its moment. */
    run(ms: number) {
      const end = mono + ms;
      while (pending && pending.at <= end) {
        const p: { at: number; fn: () => void } = pending;
        pending = null;
        wall += p.at - mono;
        mono = p.at;
        p.fn();
      }
      wall += end - mono;
      mono = end;
    },
    /** The computer slept for `ms`: on waking, the sleeping timer fires once. */
    sleep(ms: number) {
      wall += ms;
      const p = pending;
      pending = null;
      p?.fn();
    },
    /** Someone set the wall clock; no timer notices. */
    setClock(ms: number) {
      wall += ms;
    },
  };
}

const HOUR = 3_600_000;

describe('the 9:00 timer', () => {
  it('fires at 9:00 Shanghai time and again the next morning, never between', () => {
    const t = fakeTime('2026-11-28T07:00:00+08:00');
    t.run(2 * HOUR - 1000);
    expect(t.mornings).toEqual([]);
    t.run(1000);
    expect(t.mornings).toEqual(['2026-11-28T01:00:00.000Z']);
    t.run(24 * HOUR - 1000);
    expect(t.mornings).toHaveLength(1);
    t.run(1000);
    expect(t.mornings).toEqual(['2026-11-28T01:00:00.000Z', '2026-11-29T01:00:00.000Z']);
  });

  it('never sleeps longer than a minute, so a late wake-up is a minute late at most', () => {
    const t = fakeTime('2026-11-28T10:00:00+08:00');
    expect(t.pendingDelay()).toBe(MORNING_TIMER_MAX_SLEEP_MS);
  });

  it('fires once when the clock jumps past 9:00 (the computer slept through it)', () => {
    const t = fakeTime('2026-11-28T22:00:00+08:00');
    t.sleep(36 * HOUR); // 10:00 two days on
    expect(t.mornings).toEqual(['2026-11-30T02:00:00.000Z']);
    t.run(10 * MORNING_TIMER_MAX_SLEEP_MS);
    expect(t.mornings).toHaveLength(1);
  });

  it('aims at the 9:00 ahead of a clock set back, not the one it had in mind', () => {
    const t = fakeTime('2026-11-28T10:00:00+08:00'); // aiming at the 29th
    t.setClock(-26 * HOUR); // 08:00 on the 27th
    t.run(HOUR);
    expect(t.mornings).toEqual(['2026-11-27T01:00:00.000Z']);
  });

  it('stops', () => {
    const t = fakeTime('2026-11-28T08:00:00+08:00');
    t.timer.stop();
    expect(t.pendingDelay()).toBeNull();
  });
});
