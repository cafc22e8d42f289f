import { describe, expect, it } from 'vitest';
import { fromLunar, lunarLabel, lunarMonthLength, toLunar } from './lunarDate';

describe('toLunar / fromLunar', () => {
  it.each([
    ['2026-02-17', { year: 2026, month: 1, day: 1, leap: false }],
    ['2026-09-25', { year: 2026, month: 8, day: 15, leap: false }],
    ['1949-10-01', { year: 1949, month: 8, day: 10, leap: false }],
    ['1949-09-07', { year: 1949, month: 7, day: 15, leap: true }],
    // Lunar 12/30 of 1948 fell in January 1949: the lunar year lags the solar one.
    ['1949-01-28', { year: 1948, month: 12, day: 30, leap: false }],
    ['2025-08-01', { year: 2025, month: 6, day: 8, leap: true }],
  ])('%s ⇄ %o', (solar, lunar) => {
    expect(toLunar(solar)).toEqual(lunar);
    expect(fromLunar(lunar)).toBe(solar);
  });

  it('refuses dates the lunar year does not have', () => {
    expect(() => fromLunar({ year: 2026, month: 2, day: 30, leap: false })).toThrow();
    expect(() => fromLunar({ year: 2026, month: 6, day: 1, leap: true })).toThrow();
  });

  it.each([
    [2026, 1, false, 30],
    [2026, 2, false, 29],
    [2027, 2, false, 30],
    [2025, 6, true, 29],
    [2025, 6, false, 30],
  ])('lunar %i month %i (leap %s) has %i days', (year, month, leap, days) => expect(lunarMonthLength(year, month, leap)).toBe(days));
});

describe('lunarLabel', () => {
  it.each([
    ['2026-09-25', '农历八月十五'],
    ['2026-02-17', '农历正月初一'],
    ['2026-02-16', '农历十二月廿九'],
    ['2025-08-01', '农历闰六月初八'],
    ['2026-04-16', '农历二月廿九'],
  ])('%s → %s', (date, label) => expect(lunarLabel(date)).toBe(label));

  it.each([
    ['2026-09-25', 'lunar 8/15'],
    ['2026-02-17', 'lunar 1/1'],
    ['2025-08-01', 'lunar leap 6/8'],
  ])('in English %s → %s', (date, label) => expect(lunarLabel(date, 'en')).toBe(label));
});
