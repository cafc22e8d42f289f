import type { Locale } from '../../../shared/domain/labels';
import { todayInShanghai } from '../../../shared/calendar/shanghai';
import { isDigestEmpty } from '../../../shared/reminders/morningDigest';
import { shouldRemind } from '../../../shared/reminders/morningSchedule';
import type { YoufuDb } from '../../db/handle';
import { loadMorningDigest, readReminderSettings, writeRemindersLastShownDay } from '../../db/queries/reminders';
import type { Notifier } from './notifier';
import { reminderText } from './reminderText';

export interface MorningCheckContext {
  db: YoufuDb;
  stationPrefix: string;
  notifier: Notifier;
  now(): Date;
  locale(): Locale;
  /** False until the account's first download has finished: a partial copy would count too little. */
  dataComplete(): Promise<boolean>;
}

/** What a check did, for the runtime (and the tests). */
export type MorningCheckOutcome = 'shown' | 'nothing_to_say' | 'already_shown' | 'off' | 'incomplete' | 'needs_permission' | 'not_shown';

/**
 * One look at whether this morning's reminder is owed, and if so its counts and the
 * notification: once a day per account (the day is kept in syncState once shown). A day with
 * nothing to say counts as reminded. Without the browser's permission nothing is shown and the
 * day stays owed, so a permission given later still brings it.
 */
export async function runMorningCheck(ctx: MorningCheckContext): Promise<MorningCheckOutcome> {
  const settings = await readReminderSettings(ctx.db);
  if (!settings.enabled) return 'off';
  if (!shouldRemind(settings.lastShownDay, ctx.now())) return 'already_shown';
  if (!(await ctx.dataComplete())) return 'incomplete';
  const permission = ctx.notifier.permission();
  if (permission === 'default') return 'needs_permission';
  if (permission !== 'granted') return 'not_shown';
  const today = todayInShanghai(ctx.now());
  const digest = await loadMorningDigest(ctx.db, { stationPrefix: ctx.stationPrefix, today });
  if (isDigestEmpty(digest)) {
    await writeRemindersLastShownDay(ctx.db, today);
    return 'nothing_to_say';
  }
  if (!(await ctx.notifier.show(reminderText(digest, ctx.locale())))) return 'not_shown';
  await writeRemindersLastShownDay(ctx.db, today);
  return 'shown';
}
