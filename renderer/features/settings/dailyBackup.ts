import type { AppApi } from '../../../shared/ipc/appApi';
import type { IpcError } from '../../../shared/ipc/errors';
import { readBackupSnapshot } from '../../db/backup/exportBackup';
import type { YoufuDb } from '../../db/handle';
import { toShanghaiIso } from '../../../shared/calendar/shanghai';

/**
 * The daily backup of the desktop app. Main keeps the folder and the backup password; the
 * renderer reads a consistent snapshot of the account's database and hands it over (see
 * main/dailyBackup.ts). It runs a little after the session opens and then every half hour,
 * and writes when the last backup is from an earlier Shanghai calendar day (or never).
 */
export const DAILY_BACKUP_FIRST_CHECK_MS = 20_000;
export const DAILY_BACKUP_CHECK_EVERY_MS = 30 * 60_000;

/** Due when there has been no backup yet today (Shanghai calendar day). */
export function isDailyBackupDue(lastAt: string | null, now: Date): boolean {
  if (lastAt === null) return true;
  const last = new Date(lastAt);
  if (Number.isNaN(last.getTime())) return true;
  return toShanghaiIso(last).slice(0, 10) < toShanghaiIso(now).slice(0, 10);
}

export type DailyBackupOutcome =
  { kind: 'off' } | { kind: 'not_due' } | { kind: 'written'; file: string; at: string } | { kind: 'failed'; error: IpcError };

export interface DailyBackupTarget {
  db: YoufuDb;
  accountId: string;
  serverId: string;
}

/** Writes today's backup if it is due (or `force`d by "back up now"); every failure is a value. */
export async function runDailyBackup(api: AppApi, target: DailyBackupTarget, now: Date, force = false): Promise<DailyBackupOutcome> {
  const status = await api.backup.status();
  if (!status.ok) return { kind: 'failed', error: status.error };
  if (!status.value.enabled) return { kind: 'off' };
  if (!force && !isDailyBackupDue(status.value.lastAt, now)) return { kind: 'not_due' };
  const snapshot = await readBackupSnapshot(target.db, { accountId: target.accountId, serverId: target.serverId, createdAt: now });
  const res = await api.backup.write({ meta: snapshot.meta, tableOrder: [...snapshot.tableOrder], tables: snapshot.tables });
  return res.ok ? { kind: 'written', file: res.value.file, at: res.value.at } : { kind: 'failed', error: res.error };
}
