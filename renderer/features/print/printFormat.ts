import { addDays, compareDates, isCalendarDate, mondayOf, shanghaiDate, shanghaiDateTimeText } from '../../../shared/calendar/shanghai';
import type { Locale } from '../../../shared/domain/labels';
import { lunarLabel } from '../../../shared/duties/lunarDate';
import { maskIdNumber } from '../../../shared/validation/idNumber';
import { longDateLabel } from '../../ui/dates';

/** The pure parts of the printed forms (issue 16): dates as written on paper, masking, selections. */

/** `2026年11月28日` / `28 Nov 2026`; with `lunar`, `2026年9月25日（农历八月十五）`. */
export function paperDate(date: string, locale: Locale, options: { lunar?: boolean } = {}): string {
  if (!isCalendarDate(date)) return date;
  const solar = longDateLabel(date, locale);
  if (!options.lunar) return solar;
  return locale === 'zh' ? `${solar}（${lunarLabel(date, 'zh')}）` : `${solar} (${lunarLabel(date, 'en')})`;
}

/** A timestamp as its Shenzhen date on paper and the time: `2026年11月28日 09:30`. */
export function paperDateTime(timestamp: string, locale: Locale): string {
  const t = new Date(timestamp);
  if (Number.isNaN(t.getTime())) return timestamp;
  const [, time = ''] = shanghaiDateTimeText(t).split(' ');
  return `${paperDate(shanghaiDate(timestamp), locale)} ${time}`.trim();
}

/**
 * An ID number as printed on a form that leaves the office: the region (6 digits) and the last
 * 4 only, the birth date hidden too (`440304********123X`). Never the whole number on paper,
 * whatever the screen showed; a lower-case x is printed as people write it, upper case.
 */
export function paperIdNumber(id: string): string {
  return maskIdNumber(id.trim().toUpperCase());
}

/** The dates a visit list covers, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/** The longest list one sheet set prints: a week is the usual, a month the most. */
export const MAX_LIST_DAYS = 31;

/**
 * The range of `#/print/visits?from=&to=`: a missing or bad `from` is today; a missing or bad
 * `to` is `from` (one day); `week=1` alone is today's Monday to Sunday; a reversed range is put
 * right, and a range longer than MAX_LIST_DAYS is cut at that many days from `from`.
 */
export function visitListRange(query: { from: string | null; to: string | null; week?: string | null }, today: string): DateRange {
  const good = (d: string | null): d is string => d !== null && isCalendarDate(d);
  if (!good(query.from) && !good(query.to) && query.week === '1') {
    const monday = mondayOf(today);
    return { from: monday, to: addDays(monday, 6) };
  }
  let from = good(query.from) ? query.from : today;
  let to = good(query.to) ? query.to : from;
  if (compareDates(to, from) < 0) [from, to] = [to, from];
  const last = addDays(from, MAX_LIST_DAYS - 1);
  if (compareDates(to, last) > 0) to = last;
  return { from, to };
}

/** What the visit list needs of a visit: where, when (its Shenzhen date), and its id for the tie-break. */
export interface ListableVisit {
  id: string;
  stationCode: string;
  visitedAt: string;
}

/**
 * The visits a station's list prints: that station's own (not its children's), on a Shenzhen
 * date inside the range, in time order (the id breaks a tie, so two prints agree).
 */
export function selectVisitsForList<V extends ListableVisit>(visits: readonly V[], station: string, range: DateRange): V[] {
  return visits
    .filter((v) => {
      if (v.stationCode !== station) return false;
      const day = shanghaiDate(v.visitedAt);
      return compareDates(day, range.from) >= 0 && compareDates(day, range.to) <= 0;
    })
    .sort((a, b) => {
      const ta = new Date(a.visitedAt).getTime();
      const tb = new Date(b.visitedAt).getTime();
      return ta - tb || a.id.localeCompare(b.id);
    });
}

/** The first day of the profile sheet's history: a year back from today, today included (365 days). */
export function historyStart(today: string): string {
  return addDays(today, -364);
}

/** Whether a record's Shenzhen date (a `YYYY-MM-DD` or a timestamp) is inside the last year up to today. */
export function inLastYear(dateOrTimestamp: string, today: string): boolean {
  const day = isCalendarDate(dateOrTimestamp) ? dateOrTimestamp : shanghaiDate(dateOrTimestamp);
  return compareDates(day, historyStart(today)) >= 0 && compareDates(day, today) <= 0;
}

/** Lunar festivals: their date on paper carries the lunar date too. */
const LUNAR_FESTIVALS: ReadonlySet<string> = new Set(['spring_festival', 'mid_autumn']);

/**
 * Whether a visit's date is printed with its lunar date: a Spring Festival or Mid-Autumn
 * greeting, or a birthday greeting of someone whose birthday is kept by the lunar calendar.
 */
export function visitDateIsLunar(visit: { purpose: string; festival: string | null }, lunarBirthday: boolean): boolean {
  if (visit.purpose === 'festival') return visit.festival !== null && LUNAR_FESTIVALS.has(visit.festival);
  return visit.purpose === 'birthday' && lunarBirthday;
}
