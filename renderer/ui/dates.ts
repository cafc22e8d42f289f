import type { Locale } from '../../shared/domain/labels';
import { isoWeekday, shanghaiDateTimeText } from '../../shared/calendar/shanghai';

const WEEKDAYS: Record<Locale, readonly string[]> = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 周一…周日 (Mon…Sun) for a `YYYY-MM-DD` date. */
export function weekdayLabel(date: string, locale: Locale): string {
  return WEEKDAYS[locale][isoWeekday(date) - 1] ?? '';
}

/** Reports and print: `2026年11月28日` / `28 Nov 2026`. */
export function longDateLabel(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return date;
  return locale === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1] ?? ''} ${y}`;
}

/** An ISO timestamp as `2026-11-28 09:30` in Shenzhen time, 24-hour. */
export function dateTimeLabel(timestamp: string): string {
  const t = new Date(timestamp);
  if (Number.isNaN(t.getTime())) return timestamp;
  return shanghaiDateTimeText(t);
}
