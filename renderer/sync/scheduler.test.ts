import { describe, expect, it } from 'vitest';
import type { SyncSchedule } from '../../shared/sync/schedule';
import type { SyncOutcome } from './engine';
import { type SchedulerState, SyncScheduler } from './scheduler';

const okOutcome: SyncOutcome = { ok: true, report: { pushed: 0, rejected: 0, conflicts: 0, pulled: 0, refetched: false } };
const fail = (code: 'network' | 'unauthorized' | 'clock_skew'): SyncOutcome => ({
  ok: false,
  error: { code, message: code, retryable: code === 'network' },
  report: okOutcome.report,
});

/** A fake clock with timers we fire by hand, so the test controls every trigger. */
function harness(opts: { schedule?: SyncSchedule; outcomes?: SyncOutcome[]; online?: boolean; lastSuccessAt?: number | null } = {}) {
  let now = Date.parse('2026-11-28T10:00:00+08:00');
  const timers = new Map<number, { fn: () => void; at: number }>();
  let nextHandle = 1;
  const outcomes = [...(opts.outcomes ?? [])];
  const states: SchedulerState[] = [];
  let runs = 0;
  let online = opts.online ?? true;
  const scheduler = new SyncScheduler({
    run: () => {
      runs++;
      return Promise.resolve(outcomes.shift() ?? okOutcome);
    },
    schedule: () => opts.schedule ?? { kind: 'interval', minutes: 15 },
    lastSuccessAt: () => Promise.resolve(opts.lastSuccessAt ?? null),
    isOnline: () => online,
    now: () => now,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const h = nextHandle++;
      timers.set(h, { fn, at: now + ms });
      return h;
    },
    clearTimer: (h) => timers.delete(h as number),
    onState: (s) => states.push(s),
    debounceMs: 3000,
  });
  return {
    scheduler,
    states,
    runs: () => runs,
    setOnline: (v: boolean) => (online = v),
    /** Advances the clock to the earliest timer and fires it. */
    async fireNext() {
      const [h, t] = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (h === undefined || !t) throw new Error('no timer armed');
      timers.delete(h);
      now = t.at;
      t.fn();
      await scheduler.syncNow();
    },
    nextTimerIn: () => Math.min(...[...timers.values()].map((t) => t.at - now)),
    timerCount: () => timers.size,
  };
}

describe('SyncScheduler', () => {
  it('syncs on start and then every interval', async () => {
    const h = harness();
    await h.scheduler.start();
    expect(h.runs()).toBe(1);
    expect(h.nextTimerIn()).toBe(15 * 60_000);
    await h.fireNext();
    expect(h.runs()).toBe(2);
  });

  it('debounces local changes into one sync', async () => {
    const h = harness();
    await h.scheduler.start();
    h.scheduler.notifyLocalChange();
    h.scheduler.notifyLocalChange();
    h.scheduler.notifyLocalChange();
    expect(h.timerCount()).toBe(1);
    expect(h.nextTimerIn()).toBe(3000);
    await h.fireNext();
    expect(h.runs()).toBe(2);
  });

  it('backs off after network failures and recovers', async () => {
    const h = harness({ outcomes: [fail('network'), fail('network'), okOutcome] });
    await h.scheduler.start();
    const first = h.nextTimerIn();
    await h.fireNext();
    const second = h.nextTimerIn();
    expect(second).toBeGreaterThan(first);
    expect(h.states.at(-1)).toMatchObject({ kind: 'retrying', failures: 2 });
    await h.fireNext();
    expect(h.states.at(-1)).toMatchObject({ kind: 'idle' });
    expect(h.nextTimerIn()).toBe(15 * 60_000);
  });

  it('keeps retrying a clock_skew error so sync resumes once the clock is right', async () => {
    const h = harness({ outcomes: [fail('clock_skew'), okOutcome] });
    await h.scheduler.start();
    expect(h.states.at(-1)).toMatchObject({ kind: 'retrying', error: { code: 'clock_skew' } });
    await h.fireNext();
    expect(h.states.at(-1)).toMatchObject({ kind: 'idle' });
  });

  it('stops and asks for sign-in on unauthorized', async () => {
    const h = harness({ outcomes: [fail('unauthorized')] });
    await h.scheduler.start();
    expect(h.states.at(-1)).toMatchObject({ kind: 'signed_out' });
    expect(h.timerCount()).toBe(0);
  });

  it('does not run while offline, and syncs on reconnect', async () => {
    const h = harness({ online: false });
    await h.scheduler.start();
    expect(h.runs()).toBe(0);
    expect(h.states.at(-1)).toEqual({ kind: 'offline' });
    h.setOnline(true);
    h.scheduler.notifyOnline();
    await h.scheduler.syncNow();
    expect(h.runs()).toBe(1);
  });

  it('on a weekly schedule, waits for the week and ignores local changes', async () => {
    const lastSuccessAt = Date.parse('2026-11-27T09:30:00+08:00'); // Friday
    const h = harness({ schedule: { kind: 'weekly', weekday: 1, hour: 9 }, lastSuccessAt });
    await h.scheduler.start();
    expect(h.runs()).toBe(0);
    expect(h.nextTimerIn()).toBe(Date.parse('2026-11-30T09:00:00+08:00') - Date.parse('2026-11-28T10:00:00+08:00'));
    h.scheduler.notifyLocalChange();
    expect(h.timerCount()).toBe(1);
    await h.fireNext();
    expect(h.runs()).toBe(1);
  });

  it('on a weekly schedule, syncs at start when the week has come round', async () => {
    const h = harness({ schedule: { kind: 'weekly', weekday: 1, hour: 9 }, lastSuccessAt: Date.parse('2026-11-20T09:30:00+08:00') });
    await h.scheduler.start();
    expect(h.runs()).toBe(1);
  });
});
