import { GREETING_NOTICE_DAYS, type MorningDigest, morningDigest } from '../../../shared/reminders/morningDigest';
import { addDays } from '../../../shared/calendar/shanghai';
import type { YoufuDb } from '../database';
import { readSyncState, writeSyncState } from '../syncStateRepository';
import { openRows } from './rows';
import { heroRecipientIds, pendingOccurrenceList } from './today';

/**
 * The morning reminder's reads (renderer/features/reminders): the counts of the station's day,
 * in the scope the Today screen shows by default (the session's station prefix), and the
 * reminder's device settings in syncState.
 */
export async function loadMorningDigest(db: YoufuDb, filter: { stationPrefix: string; today: string }): Promise<MorningDigest> {
  const { stationPrefix, today } = filter;
  const inScope = (r: { stationCode: string }): boolean => r.stationCode.startsWith(stationPrefix);
  const [occurrences, heroes, storedRequests] = await Promise.all([
    pendingOccurrenceList(db, { stationPrefix, until: addDays(today, GREETING_NOTICE_DAYS) }),
    heroRecipientIds(db),
    // Urgency is sealed: the active requests of the scope are opened (a station's few dozen).
    Promise.all((['open', 'in_progress'] as const).map((status) => db.requests.where('status').equals(status).toArray())),
  ]);
  // Only the few occurrences of the days ahead need their duty (birthday? festival? both clear
  // fields) and, for a birthday, whether the recipient keeps a lunar one (sealed).
  const ahead = occurrences.filter((o) => o.dueDate > today);
  const storedDuties = await db.duties.bulkGet([...new Set(ahead.map((o) => o.dutyId))]);
  const dutyById = new Map(storedDuties.flatMap((d) => (d ? [[d.id, db.codec.decodeSummary('duties', d)] as const] : [])));
  const birthdayRecipients = [...new Set(ahead.filter((o) => dutyById.get(o.dutyId)?.kind === 'birthday').map((o) => o.recipientId))];
  const storedRecipients = await db.recipients.bulkGet(birthdayRecipients);
  // After every Dexie read, so a live query tracks them all.
  const [recipients, requests] = await Promise.all([
    openRows(db, 'recipients', storedRecipients),
    openRows(db, 'requests', storedRequests.flat().filter(inScope)),
  ]);
  return morningDigest({
    today,
    occurrences,
    heroRecipientIds: heroes,
    duties: dutyById,
    lunarBirthdayRecipientIds: new Set(recipients.filter((r) => r.lunarBirthday).map((r) => r.id)),
    requests,
  });
}

export interface ReminderSettings {
  /** The daily notification is on unless turned off (absent: on). */
  enabled: boolean;
  /** The Shanghai day the last one was shown for this account on this device, or null. */
  lastShownDay: string | null;
}

export async function readReminderSettings(db: YoufuDb): Promise<ReminderSettings> {
  const [enabled, lastShownDay] = await Promise.all([readSyncState(db, 'remindersEnabled'), readSyncState(db, 'remindersLastShownDay')]);
  return { enabled: enabled ?? true, lastShownDay: lastShownDay ?? null };
}

/** A device setting, not synced data: written straight to syncState, no outbox entry. */
export async function writeRemindersEnabled(db: YoufuDb, enabled: boolean): Promise<void> {
  await writeSyncState(db, 'remindersEnabled', enabled);
}

export async function writeRemindersLastShownDay(db: YoufuDb, day: string): Promise<void> {
  await writeSyncState(db, 'remindersLastShownDay', day);
}
