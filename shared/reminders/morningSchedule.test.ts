import { describe, expect, it } from 'vitest';
import { nextMorningAt, shouldRemind } from './morningSchedule';

const at = (iso: string) => new Date(iso);

describe('nextMorningAt', () => {
  it.each([
    // Before 9:00 in Shenzhen: today's 9:00.
    ['2026-11-28T07:30:00+08:00', '2026-11-28T09:00:00+08:00'],
    ['2026-11-28T00:00:00+08:00', '2026-11-28T09:00:00+08:00'],
    ['2026-11-28T08:59:59.999+08:00', '2026-11-28T09:00:00+08:00'],
    // At or after 9:00: tomorrow's (the one just reached is not "next").
    ['2026-11-28T09:00:00+08:00', '2026-11-29T09:00:00+08:00'],
    ['2026-11-28T23:59:00+08:00', '2026-11-29T09:00:00+08:00'],
    // 20:00 UTC on the 27th is 04:00 on the 28th in Shanghai: that morning, not the 27th's.
    ['2026-11-27T20:00:00Z', '2026-11-28T09:00:00+08:00'],
    // Across a month and a year end.
    ['2026-12-31T10:00:00+08:00', '2027-01-01T09:00:00+08:00'],
  ])('%s → %s', (now, next) => {
    expect(nextMorningAt(at(now)).toISOString()).toBe(at(next).toISOString());
  });

  it('is computed from now each time: a clock set back two days aims at the morning ahead of it', () => {
    expect(nextMorningAt(at('2026-11-26T08:00:00+08:00')).toISOString()).toBe(at('2026-11-26T09:00:00+08:00').toISOString());
  });
});

describe('shouldRemind', () => {
  const now = at('2026-11-28T07:10:00+08:00');
  it.each<[string | null | undefined, boolean]>([
    [null, true],
    [undefined, true],
    ['2026-11-27', true],
    ['2026-11-28', false],
    // Shown "tomorrow" (the clock was ahead then): today's is still owed.
    ['2026-11-29', true],
  ])('last shown %s → %s', (last, expected) => {
    expect(shouldRemind(last, now)).toBe(expected);
  });

  it('reads the day on the Shanghai clock, not UTC', () => {
    // 23:30 UTC on the 27th is 07:30 on the 28th in Shenzhen: the 27th's reminder does not cover it.
    expect(shouldRemind('2026-11-27', at('2026-11-27T23:30:00Z'))).toBe(true);
    expect(shouldRemind('2026-11-28', at('2026-11-27T23:30:00Z'))).toBe(false);
  });
});
