import { SolarTerm } from 'tyme4ts';
import type { FestivalCode } from '../domain/enums';
import { formatDate } from '../calendar/shanghai';
import { fromLunar } from './lunarDate';

type FestivalRule =
  { kind: 'fixed'; month: number; day: number } | { kind: 'lunar'; month: number; day: number } | { kind: 'solar_term'; name: string };

const FESTIVAL_RULES: Record<FestivalCode, FestivalRule> = {
  spring_festival: { kind: 'lunar', month: 1, day: 1 },
  qingming: { kind: 'solar_term', name: '清明' },
  army_day: { kind: 'fixed', month: 8, day: 1 },
  mid_autumn: { kind: 'lunar', month: 8, day: 15 },
  martyrs_day: { kind: 'fixed', month: 9, day: 30 },
  national_day: { kind: 'fixed', month: 10, day: 1 },
};

// Seeding a district computes the same few festivals for tens of thousands of recipients,
// and every lunar conversion costs tens of microseconds; the answers never change.
const cache = new Map<string, string>();

function computeFestivalDate(rule: FestivalRule, year: number): string {
  switch (rule.kind) {
    case 'fixed':
      return formatDate({ year, month: rule.month, day: rule.day });
    case 'lunar':
      // Lunar 1/1 and 8/15 of lunar year N both fall inside solar year N.
      return fromLunar({ year, month: rule.month, day: rule.day, leap: false });
    case 'solar_term': {
      // tyme4ts counts a term year from the winter solstice before it; 清明 sits well inside it.
      const day = SolarTerm.fromName(year, rule.name).getSolarDay();
      return formatDate({ year: day.getYear(), month: day.getMonth(), day: day.getDay() });
    }
  }
}

/** The solar date on which a festival falls in the given (solar) year. */
export function festivalDate(festival: FestivalCode, year: number): string {
  const key = `${festival}:${year}`;
  let date = cache.get(key);
  if (date === undefined) {
    date = computeFestivalDate(FESTIVAL_RULES[festival], year);
    cache.set(key, date);
  }
  return date;
}
