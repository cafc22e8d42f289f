import type { Locale } from '../../../shared/domain/labels';
import { DUTY_KIND, FESTIVAL, RECURRENCE_TYPE } from '../../../shared/domain/enums';
import type { Duty, Recurrence } from '../../../shared/domain/schemas';

/** `每月` / `节日：中秋节` / `每年 3月5日` / `一次性 2026-12-01`. */
export function recurrenceLabel(r: Recurrence, locale: Locale): string {
  const type = RECURRENCE_TYPE.label(r.type, locale);
  switch (r.type) {
    case 'festival':
      return FESTIVAL.label(r.festival, locale);
    case 'yearly':
      return locale === 'zh' ? `${type} ${r.month}月${r.day}日` : `${type} ${r.month}/${r.day}`;
    case 'once':
      return `${type} ${r.date}`;
    default:
      return type;
  }
}

/** `入户走访 · 每月`: what the duty is and how often. */
export function dutyLabel(duty: Pick<Duty, 'kind' | 'recurrence'>, locale: Locale): string {
  const kind = DUTY_KIND.label(duty.kind, locale);
  if (duty.recurrence.type === 'festival') return `${kind} · ${FESTIVAL.label(duty.recurrence.festival, locale)}`;
  if (duty.recurrence.type === 'birthday') return kind;
  return `${kind} · ${recurrenceLabel(duty.recurrence, locale)}`;
}

/** Lunar festivals and lunar birthdays are also shown as 农历… next to the solar date. */
export function isLunarDuty(duty: Pick<Duty, 'recurrence'>, lunarBirthday = false): boolean {
  const r = duty.recurrence;
  if (r.type === 'festival') return r.festival === 'spring_festival' || r.festival === 'mid_autumn';
  return r.type === 'birthday' && lunarBirthday;
}
