import { describe, expect, it } from 'vitest';
import { addMonthsToEpochDay, ageOnEpochDay, epochDayFromYmd, epochDayOf, ymdOfEpochDay } from '../calendar/shanghai';
import { formatDay, formatTimestamp } from './calendar';

describe('calendar day numbers', () => {
  it('agrees with Date.UTC over a century of days', () => {
    for (let d = epochDayFromYmd(1920, 1, 1); d < epochDayFromYmd(2035, 1, 1); d += 17) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      expect(formatDay(d)).toBe(iso);
      expect(epochDayOf(iso)).toBe(d);
    }
  });

  it('rejects dates that do not exist', () => {
    expect(() => epochDayOf('2026-02-29')).toThrow();
    expect(() => epochDayOf('2026-1-5')).toThrow();
  });

  it('adds months across year ends', () => {
    expect(formatDay(addMonthsToEpochDay(epochDayOf('2026-11-18'), 3))).toBe('2027-02-18');
    expect(formatDay(addMonthsToEpochDay(epochDayOf('2026-01-18'), -1))).toBe('2025-12-18');
  });

  it('formats Shenzhen timestamps with the +08:00 offset', () => {
    expect(formatTimestamp(epochDayOf('2026-11-28'), 9 * 60 + 5)).toBe('2026-11-28T09:05:00+08:00');
  });

  it('counts age in whole years', () => {
    expect(ageOnEpochDay(epochDayOf('1946-11-29'), epochDayOf('2026-11-28'))).toBe(79);
    expect(ageOnEpochDay(epochDayOf('1946-11-28'), epochDayOf('2026-11-28'))).toBe(80);
    expect(ymdOfEpochDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });
});
