import type { Locale } from '../../../shared/domain/labels';
import { FESTIVAL } from '../../../shared/domain/enums';
import { daysBetween } from '../../../shared/calendar/shanghai';
import { GREETING_NOTICE_DAYS, type MorningDigest } from '../../../shared/reminders/morningDigest';
import { fill } from '../../app/i18n';
import { reminderStrings } from './strings';

export interface ReminderText {
  title: string;
  body: string;
}

/**
 * The notification's words for a digest: the day's duty counts in the title, then one line each
 * for the heroes' share ("英雄 2 项逾期"), the overdue requests and the greetings ahead, each
 * left out when it has nothing to say.
 */
export function reminderText(d: MorningDigest, locale: Locale): ReminderText {
  const s = reminderStrings[locale];
  const t = (key: keyof typeof s, vars?: Record<string, string | number>): string => fill(s[key], vars);
  const title =
    d.duties.overdue + d.duties.dueToday === 0 ? t('titleQuiet') : t('title', { overdue: d.duties.overdue, dueToday: d.duties.dueToday });

  const lines: string[] = [];
  const heroParts = [
    d.heroes.overdue > 0 ? t('heroOverdue', { count: d.heroes.overdue }) : null,
    d.heroes.dueToday > 0 ? t('heroDueToday', { count: d.heroes.dueToday }) : null,
  ].filter((p): p is string => p !== null);
  if (heroParts.length > 0) lines.push(t('heroes', { parts: heroParts.join(s.partSeparator) }));
  if (d.overdueRequests > 0) lines.push(t('overdueRequests', { count: d.overdueRequests }));

  const ahead: string[] = [];
  if (d.birthdaysAhead.total > 0) {
    const { total, lunar } = d.birthdaysAhead;
    ahead.push(lunar > 0 ? t('birthdaysLunar', { count: total, lunar }) : t('birthdays', { count: total }));
  }
  for (const f of d.festivalsAhead) {
    const days = daysBetween(d.today, f.date);
    const when = days === 1 ? t('tomorrow') : t('inDays', { days });
    ahead.push(t('festival', { festival: FESTIVAL.labels[f.festival][locale], count: f.count, when }));
  }
  if (ahead.length > 0) lines.push(t('ahead', { days: GREETING_NOTICE_DAYS, parts: ahead.join(s.partSeparator) }));
  return { title, body: lines.join('\n') };
}
