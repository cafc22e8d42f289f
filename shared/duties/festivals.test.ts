import { describe, expect, it } from 'vitest';
import type { FestivalCode } from '../domain/enums';
import { festivalDate } from './festivals';
import { lunarLabel } from './lunarDate';

describe('festivalDate', () => {
  it.each<[FestivalCode, number, string]>([
    ['spring_festival', 2026, '2026-02-17'],
    ['spring_festival', 2027, '2027-02-06'],
    ['spring_festival', 2025, '2025-01-29'],
    ['mid_autumn', 2026, '2026-09-25'],
    ['mid_autumn', 2025, '2025-10-06'],
    ['qingming', 2026, '2026-04-05'],
    ['qingming', 2025, '2025-04-04'],
    ['qingming', 2024, '2024-04-04'],
    ['army_day', 2026, '2026-08-01'],
    ['martyrs_day', 2026, '2026-09-30'],
    ['national_day', 2027, '2027-10-01'],
  ])('%s %i is %s', (festival, year, date) => expect(festivalDate(festival, year)).toBe(date));

  it('lunar festivals land on their lunar dates every year', () => {
    for (let year = 2020; year <= 2040; year++) {
      expect(lunarLabel(festivalDate('spring_festival', year))).toBe('农历正月初一');
      expect(lunarLabel(festivalDate('mid_autumn', year))).toBe('农历八月十五');
      expect(festivalDate('spring_festival', year).slice(0, 4)).toBe(String(year));
    }
  });
});
