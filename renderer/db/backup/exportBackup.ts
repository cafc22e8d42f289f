import { type BackupResult, backupFail } from '../../../shared/backup/errors';
import { type EncodeOptions, MIN_BACKUP_PASSWORD_LENGTH, encodeBackup } from '../../../shared/backup/format';
import type { BackupMeta } from '../../../shared/backup/header';
import type { YoufuDb } from '../database';
import type { AttachmentBlobEntry } from '../records';
import { BACKUP_TABLES, blobBelongsInBackup, rowsForBackup } from './tables';

export interface ExportMeta {
  accountId: string;
  serverId: string;
  /** Defaults to now. */
  createdAt?: Date;
}

/** A placeholder outbox row, added and removed in one transaction to read the seq counter. */
export const SEQ_PROBE_ID = '00000000-0000-4000-8000-5e9f100f0000';

/**
 * The highest outbox seq ever issued here. IndexedDB keeps the auto-increment counter apart
 * from the rows, so an empty outbox does not mean seq 1 is free: the server has seen the old
 * ones and would drop a reused seq as a duplicate. Add-and-delete in one rw transaction reads
 * the counter without anyone ever seeing the probe (it costs one unused seq).
 */
async function readSeqFloor(db: YoufuDb): Promise<number> {
  return db.transaction('rw', db.outbox, async (tx) => {
    const outbox = tx.table('outbox');
    const seq: unknown = await outbox.add({
      id: SEQ_PROBE_ID,
      table: 'recipients',
      rowId: '',
      op: 'upsert',
      fields: {},
      baseRev: 0,
      hlc: '',
      createdAt: '',
    });
    await outbox.delete(seq);
    return typeof seq === 'number' ? seq - 1 : 0;
  });
}

export interface BackupSnapshot {
  meta: BackupMeta;
  tableOrder: readonly string[];
  tables: Record<string, unknown[]>;
}

/**
 * Every table of the database, outbox, syncState and conflicts included, read in ONE read
 * transaction (a consistent snapshot). The manual export encrypts it here; the daily backup in
 * the desktop app hands it to main, which encrypts it with the password it keeps.
 */
export async function readBackupSnapshot(db: YoufuDb, meta: ExportMeta): Promise<BackupSnapshot> {
  const outboxSeqFloor = await readSeqFloor(db);
  const stored = await db.transaction('r', BACKUP_TABLES, async (tx) => {
    const out: Record<string, unknown[]> = {};
    for (const t of BACKUP_TABLES) {
      // Originals the server holds stay out (see BACKUP_TABLES): never read into memory here.
      out[t] =
        t === 'attachmentBlobs'
          ? await tx.table<AttachmentBlobEntry>(t).filter(blobBelongsInBackup).toArray()
          : await tx.table(t).toArray();
    }
    return out;
  });
  const tables: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) tables[t] = await rowsForBackup(db, t, stored[t] ?? []);
  return {
    meta: {
      schemaVersion: db.verno,
      databaseName: db.name,
      accountId: meta.accountId,
      serverId: meta.serverId,
      createdAt: (meta.createdAt ?? new Date()).toISOString(),
      outboxSeqFloor,
    },
    tableOrder: BACKUP_TABLES,
    tables,
  };
}

/** The encrypted backup file of the database; encryption happens after the read transaction closed. */
export async function exportBackup(
  db: YoufuDb,
  password: string,
  meta: ExportMeta,
  options: EncodeOptions = {},
): Promise<BackupResult<Uint8Array<ArrayBuffer>>> {
  if (password.length < MIN_BACKUP_PASSWORD_LENGTH) return backupFail('backup_password_too_short');
  const snapshot = await readBackupSnapshot(db, meta);
  return encodeBackup(snapshot.meta, snapshot.tableOrder, snapshot.tables, password, options);
}
