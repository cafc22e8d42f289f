import { type BackupResult, backupFail } from '../../../shared/backup/errors';
import { parseBackup } from '../../../shared/backup/format';
import type { BackupHeader } from '../../../shared/backup/header';
import type { YoufuDb } from '../database';
import type { SyncStateEntry } from '../records';
import { SEQ_PROBE_ID } from './exportBackup';
import type { Transaction } from 'dexie';
import { SEALED_VERSION } from '../atRest/migrate';
import { isAtRestKey, syncStateEntry } from '../syncStateKeys';
import { readSyncState } from '../syncStateRepository';
import type { AttachmentBlobEntry } from '../records';
import { BACKUP_TABLES, BackupBlobMismatch, type BackupTable, acceptedTableSets, rowProblem, rowsToStore } from './tables';

export interface RestoreOptions {
  /** The signed-in account; the backup must be its own. */
  accountId: string;
  /** Accept the same account's backup from a differently named database, into an EMPTY database only. */
  allowSameAccountFreshProfile?: boolean;
}

/** A backup that has passed every check and is ready to replace the database. */
export interface PreparedRestore {
  header: BackupHeader;
  rows: Record<BackupTable, unknown[]>;
  requireEmpty: boolean;
}

/**
 * Decrypts and checks everything, writing nothing: the header for the confirmation, and the
 * rows, already sealed under this database's keys (so the restore transaction does no crypto).
 */
export async function prepareRestore(
  db: YoufuDb,
  bytes: Uint8Array,
  password: string,
  options: RestoreOptions,
): Promise<BackupResult<PreparedRestore>> {
  const parsed = await parseBackup(bytes, password, {
    expected: { databaseName: db.name, accountId: options.accountId },
    allowSameAccountFreshProfile: options.allowSameAccountFreshProfile ?? false,
  });
  if (!parsed.ok) return parsed;
  const { header, tables } = parsed.value;
  // A backup of this version or an earlier one (its rows are checked against today's schemas
  // below); one written by a newer version may hold what this one cannot read.
  if (header.schemaVersion > db.verno)
    return backupFail('backup_schema_unsupported', `backup schema ${header.schemaVersion}, database ${db.verno}`);
  const names = [...header.tables].sort().join(',');
  if (!acceptedTableSets().includes(names)) return backupFail('backup_schema_unsupported', `tables ${names}`);
  const rows = {} as Record<BackupTable, unknown[]>;
  for (const t of BACKUP_TABLES) {
    const list = tables[t] ?? [];
    for (const [i, row] of list.entries()) {
      const problem = rowProblem(t, row);
      if (problem) return backupFail('backup_invalid_rows', `${t}[${i}]: ${problem}`);
    }
    try {
      rows[t] = await rowsToStore(db, t, list);
    } catch (e) {
      if (e instanceof BackupBlobMismatch) return backupFail('backup_attachment_mismatch', e.message);
      return backupFail('backup_restore_failed', e instanceof Error ? e.message : String(e));
    }
  }
  return { ok: true, value: { header, rows, requireEmpty: header.databaseName !== db.name } };
}

class NotEmpty extends Error {}

/** Rows of a table, not counting this database's own encryption bookkeeping (a fresh profile has it). */
async function countData(tx: Transaction, table: BackupTable): Promise<number> {
  if (table !== 'syncState') return tx.table(table).count();
  return tx
    .table<SyncStateEntry, string>(table)
    .filter((e) => !isAtRestKey(e.key))
    .count();
}

/**
 * Replaces the whole database with the prepared rows in ONE rw transaction: any failure rolls
 * it back and the old data stays. Only Dexie calls run inside it.
 */
export async function applyRestore(db: YoufuDb, prepared: PreparedRestore): Promise<BackupResult<Record<BackupTable, number>>> {
  const { rows, header, requireEmpty } = prepared;
  // Kept across the restore: the restored rows are sealed under this database's keys.
  const keyCheck = (await readSyncState(db, 'keyCheck')) ?? null;
  try {
    await db.transaction('rw', BACKUP_TABLES, async (tx) => {
      if (requireEmpty) {
        for (const t of BACKUP_TABLES) if ((await countData(tx, t)) > 0) throw new NotEmpty();
      }
      for (const t of BACKUP_TABLES) {
        const table = tx.table(t);
        if (t === 'attachmentBlobs') continue;
        await table.clear();
        if (rows[t].length > 0) await table.bulkAdd(rows[t]);
      }
      // Attachment bytes are content-addressed and sealed under this database's keys: those
      // here already stay (a restore on the same computer keeps originals it had), the
      // backup's are added, and bytes no restored attachment names go.
      const blobs = tx.table<AttachmentBlobEntry, string>('attachmentBlobs');
      if (rows.attachmentBlobs.length > 0) await blobs.bulkPut(rows.attachmentBlobs as AttachmentBlobEntry[]);
      const named = new Set<string>();
      for (const a of rows.attachments as { sha256: string; thumbSha256: string | null }[]) {
        named.add(a.sha256);
        if (a.thumbSha256 !== null) named.add(a.thumbSha256);
      }
      const orphans = (await blobs.toCollection().primaryKeys()).filter((k) => !named.has(k));
      if (orphans.length > 0) await blobs.bulkDelete(orphans);
      // Never hand out a seq the server may already have: lift the counter to the floor.
      const outbox = tx.table('outbox');
      const maxSeq = rows.outbox.reduce<number>(
        (m, r) => (typeof r === 'object' && r !== null && 'seq' in r && typeof r.seq === 'number' ? Math.max(m, r.seq) : m),
        0,
      );
      if (header.outboxSeqFloor > maxSeq) {
        await outbox.add({
          seq: header.outboxSeqFloor,
          id: SEQ_PROBE_ID,
          table: 'recipients',
          rowId: '',
          op: 'upsert',
          fields: {},
          baseRev: 0,
          hlc: '',
          createdAt: '',
        });
        await outbox.delete(header.outboxSeqFloor);
      }
      // A restored database is a new device to the server. Keeping the old client id would let
      // the original computer and this one push under one id: their seqs would collide and the
      // server would drop real changes as duplicates. Under a fresh id the pending outbox goes
      // out again; mutations name their rows, so a change the original device already pushed
      // lands on the same row with the same values, never as a second row.
      await tx.table('syncState').put(syncStateEntry('clientId', crypto.randomUUID()));
      // Every row was sealed under this database's keys above: nothing left to migrate.
      if (keyCheck !== null) {
        await tx.table('syncState').bulkPut([syncStateEntry('keyCheck', keyCheck), syncStateEntry('sealedVersion', SEALED_VERSION)]);
      }
    });
  } catch (e) {
    if (e instanceof NotEmpty) return backupFail('backup_target_not_empty');
    return backupFail('backup_restore_failed', e instanceof Error ? e.message : String(e));
  }
  const counts = {} as Record<BackupTable, number>;
  for (const t of BACKUP_TABLES) counts[t] = rows[t].length;
  return { ok: true, value: counts };
}

/** Checks everything first, then replaces the database contents atomically. */
export async function restoreBackup(
  db: YoufuDb,
  bytes: Uint8Array,
  password: string,
  options: RestoreOptions,
): Promise<BackupResult<Record<BackupTable, number>>> {
  const prepared = await prepareRestore(db, bytes, password, options);
  if (!prepared.ok) return prepared;
  return applyRestore(db, prepared.value);
}
