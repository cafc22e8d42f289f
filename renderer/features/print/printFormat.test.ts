import { describe, expect, it } from 'vitest';
import { inLastYear, paperDate, paperDateTime, paperIdNumber, selectVisitsForList, visitDateIsLunar, visitListRange } from './printFormat';

describe('paperDate', () => {
  it.each([
    ['2026-11-28', 'zh', false, '2026年11月28日'],
    ['2026-01-05', 'zh', false, '2026年1月5日'],
    ['2026-11-28', 'en', false, '28 Nov 2026'],
    // 2026-09-25 is the fifteenth of the eighth lunar month (中秋).
    ['2026-09-25', 'zh', true, '2026年9月25日（农历八月十五）'],
    ['2026-09-25', 'en', true, '25 Sep 2026 (lunar 8/15)'],
    ['not a date', 'zh', true, 'not a date'],
  ] as const)('%s (%s, lunar %s) → %s', (date, locale, lunar, expected) => {
    expect(paperDate(date, locale, { lunar })).toBe(expected);
  });

  it('prints a timestamp as its Shenzhen date and time, whatever offset it was written with', () => {
    expect(paperDateTime('2026-11-28T09:30:00.000+08:00', 'zh')).toBe('2026年11月28日 09:30');
    // 17:10 UTC on the 27th is 01:10 on the 28th in Shenzhen.
    expect(paperDateTime('2026-11-27T17:10:00Z', 'zh')).toBe('2026年11月28日 01:10');
    expect(paperDateTime('2026-11-28T09:30:00+08:00', 'en')).toBe('28 Nov 2026 09:30');
  });
});

describe('paperIdNumber', () => {
  it.each([
    ['44030419450301123X', '440304********123X'],
    ['44030419450301123x', '440304********123X'],
    [' 440304194503011234 ', '440304********1234'],
    ['123', '***'],
  ])('%s → %s', (id, expected) => {
    expect(paperIdNumber(id)).toBe(expected);
    expect(paperIdNumber(id)).not.toContain('19450301');
  });
});

describe('visitListRange', () => {
  const today = '2026-11-26'; // a Thursday
  it.each([
    [
      { from: null, to: null },
      { from: today, to: today },
    ],
    [
      { from: '2026-11-23', to: null },
      { from: '2026-11-23', to: '2026-11-23' },
    ],
    [
      { from: '2026-11-23', to: '2026-11-29' },
      { from: '2026-11-23', to: '2026-11-29' },
    ],
    [
      { from: '2026-11-29', to: '2026-11-23' },
      { from: '2026-11-23', to: '2026-11-29' },
    ],
    [
      { from: '2026-13-40', to: 'x' },
      { from: today, to: today },
    ],
    [
      { from: null, to: null, week: '1' },
      { from: '2026-11-23', to: '2026-11-29' },
    ],
    [
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2026-01-01', to: '2026-01-31' },
    ],
  ])('%j → %j', (query, expected) => {
    expect(visitListRange(query, today)).toEqual(expected);
  });
});

describe('selectVisitsForList', () => {
  const v = (id: string, stationCode: string, visitedAt: string) => ({ id, stationCode, visitedAt });
  const visits = [
    v('c', '440304001001', '2026-11-24T15:00:00.000+08:00'),
    v('a', '440304001001', '2026-11-23T09:00:00.000+08:00'),
    v('other-station', '440304001002', '2026-11-23T10:00:00.000+08:00'),
    v('child-station', '440304001001001', '2026-11-23T10:00:00.000+08:00'),
    // 23:30 UTC on the 22nd is 07:30 on the 23rd in Shenzhen: inside.
    v('early', '440304001001', '2026-11-22T23:30:00Z'),
    // 16:30 UTC on the 29th is 00:30 on the 30th in Shenzhen: outside.
    v('next-week', '440304001001', '2026-11-29T16:30:00Z'),
    v('before', '440304001001', '2026-11-22T20:00:00.000+08:00'),
    v('b', '440304001001', '2026-11-24T15:00:00.000+08:00'),
  ];

  it("keeps the station's own visits of the range, in time order, the id breaking a tie", () => {
    const picked = selectVisitsForList(visits, '440304001001', { from: '2026-11-23', to: '2026-11-29' });
    expect(picked.map((x) => x.id)).toEqual(['early', 'a', 'b', 'c']);
  });

  it('a one-day list holds that day only', () => {
    expect(selectVisitsForList(visits, '440304001001', { from: '2026-11-24', to: '2026-11-24' }).map((x) => x.id)).toEqual(['b', 'c']);
    expect(selectVisitsForList(visits, '440304001001', { from: '2026-11-25', to: '2026-11-25' })).toEqual([]);
  });
});

describe('inLastYear', () => {
  it('takes the 365 days up to today, dates and timestamps alike', () => {
    const today = '2026-11-28';
    expect(inLastYear('2026-11-28', today)).toBe(true);
    expect(inLastYear('2025-11-29', today)).toBe(true);
    expect(inLastYear('2025-11-28', today)).toBe(false);
    expect(inLastYear('2026-11-29', today)).toBe(false);
    expect(inLastYear('2025-11-28T16:30:00Z', today)).toBe(true);
  });
});

describe('visitDateIsLunar', () => {
  it.each([
    [{ purpose: 'festival', festival: 'mid_autumn' }, false, true],
    [{ purpose: 'festival', festival: 'spring_festival' }, false, true],
    [{ purpose: 'festival', festival: 'army_day' }, true, false],
    [{ purpose: 'birthday', festival: null }, true, true],
    [{ purpose: 'birthday', festival: null }, false, false],
    [{ purpose: 'routine', festival: null }, true, false],
  ])('%j, lunar birthday %s → %s', (visit, lunarBirthday, expected) => {
    expect(visitDateIsLunar(visit, lunarBirthday)).toBe(expected);
  });
});
