import { LunarDay, LunarMonth, SolarDay } from 'tyme4ts';
import { formatDate, parseDate } from '../calendar/shanghai';

/**
 * The Chinese lunar calendar, through tyme4ts. Everything lunar in the app goes through this
 * file so the rest of the engine stays in `YYYY-MM-DD` strings.
 */
export interface LunarDate {
  /** The lunar year (a lunar date late in the year falls in January or February of the next solar year). */
  year: number;
  /** 1–12, without the leap marker. */
  month: number;
  /** 1–30 */
  day: number;
  /** True for a day of a leap month (闰月). */
  leap: boolean;
}

export function toLunar(date: string): LunarDate {
  const { year, month, day } = parseDate(date);
  const lunar = SolarDay.fromYmd(year, month, day).getLunarDay();
  // tyme4ts writes a leap month as a negative month number.
  const lunarMonth = lunar.getMonth();
  return { year: lunar.getYear(), month: Math.abs(lunarMonth), day: lunar.getDay(), leap: lunarMonth < 0 };
}

/** Throws (from tyme4ts) when the date does not exist, e.g. a leap month the year lacks or day 30 of a short month. */
export function fromLunar({ year, month, day, leap }: LunarDate): string {
  const solar = LunarDay.fromYmd(year, leap ? -month : month, day).getSolarDay();
  return formatDate({ year: solar.getYear(), month: solar.getMonth(), day: solar.getDay() });
}

/** 29 or 30: lunar months are either "small" or "big", and which one varies every year. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  return LunarMonth.fromYm(year, leap ? -month : month).getDayCount();
}

/**
 * The lunar date for display, as people write it: `农历八月十五`, `农历闰六月初八`; in English
 * `lunar 8/15`, `lunar leap 6/8`.
 */
export function lunarLabel(date: string, locale: 'zh' | 'en' = 'zh'): string {
  const { year, month, day } = parseDate(date);
  const lunar = SolarDay.fromYmd(year, month, day).getLunarDay();
  if (locale === 'en') {
    const m = lunar.getMonth();
    return `lunar ${m < 0 ? 'leap ' : ''}${Math.abs(m)}/${lunar.getDay()}`;
  }
  return `农历${lunar.getLunarMonth().getName()}${lunar.getName()}`;
}
