import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';
import { nextScheduledSync } from './schedule';

const at = (iso: string) => Date.parse(iso);

describe('nextScheduledSync', () => {
  it('adds the interval', () => {
    expect(nextScheduledSync({ kind: 'interval', minutes: 15 }, at('2026-11-28T10:00:00+08:00'))).toBe(at('2026-11-28T10:15:00+08:00'));
  });

  it.each([
    // 2026-11-28 is a Saturday.
    ['2026-11-28T10:00:00+08:00', 1, 9, '2026-11-30T09:00:00+08:00'],
    ['2026-11-28T10:00:00+08:00', 6, 11, '2026-11-28T11:00:00+08:00'],
    ['2026-11-28T11:00:00+08:00', 6, 11, '2026-12-05T11:00:00+08:00'],
    ['2026-11-29T23:30:00+08:00', 7, 8, '2026-12-06T08:00:00+08:00'],
    ['2026-11-29T17:00:00Z', 1, 8, '2026-11-30T08:00:00+08:00'],
  ])('weekly: after %s, weekday %i at %i:00 → %s', (last, weekday, hour, expected) => {
    expect(nextScheduledSync({ kind: 'weekly', weekday, hour }, at(last))).toBe(at(expected));
  });

  it('has no next time for manual sync', () => {
    expect(nextScheduledSync({ kind: 'manual' }, 0)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially up to the cap, with jitter in the upper half', () => {
    const opts = { baseMs: 1000, maxMs: 16_000 };
    expect(retryDelayMs(1, 0, opts)).toBe(500);
    expect(retryDelayMs(1, 0.999, opts)).toBeCloseTo(1000, -1);
    expect(retryDelayMs(3, 0, opts)).toBe(2000);
    expect(retryDelayMs(10, 0, opts)).toBe(8000);
    expect(retryDelayMs(10, 0.999, opts)).toBeLessThanOrEqual(16_000);
  });
});
