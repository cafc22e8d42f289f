import { type EntityRow, type EntityTable, ENTITY_TABLES, entitySchemas } from '../../shared/domain/schemas';
import type { Change } from '../../shared/sync/protocol';
import type { Transaction } from 'dexie';
import { type OutboxEntry, type YoufuDb, bound } from './database';
import { type ValidationIssue, zodIssues } from './rowValidation';

export interface RemoteApplyReport {
  upserted: number;
  deleted: number;
  /** Rows with pending local edits: remote values were taken for the other fields only. */
  mergedUnderPending: { table: EntityTable; rowId: string; keptFields: string[] }[];
  /** Rows left untouched because local edits are pending (local delete, or remote delete). */
  keptLocal: { table: EntityTable; rowId: string; reason: 'pending_local_delete' | 'remote_delete_pending_edits' | 'merge_invalid' }[];
  /** Rows the server sent that do not pass our schema; skipped rather than wedging sync. */
  invalid: { table: string; rowId: string; issues: ValidationIssue[] }[];
}

function isEntityTable(t: string): t is EntityTable {
  return (ENTITY_TABLES as readonly string[]).includes(t);
}

/**
 * Applies one page of pulled changes in one transaction, without outbox entries (they are the
 * server's data). Pending local edits stay on top, as the protocol asks:
 * - no pending edits: the server row replaces the local one; `op:'delete'` or `row:null`
 *   (a tombstone, or a row that left our scope) deletes it locally;
 * - pending edits: the fields named in the pending mutations keep their local values, every
 *   other field and `rev` take the server's. Our push then carries the pending fields against
 *   their original `baseRev`, so the server still sees a real conflict as one;
 * - a remote delete of a row with pending edits, or a local delete still pending, keeps the
 *   local state: the push is the server's chance to decide, and the next pull settles it.
 */
export async function applyRemoteChanges(db: YoufuDb, changes: readonly Change[]): Promise<RemoteApplyReport> {
  const report: RemoteApplyReport = { upserted: 0, deleted: 0, mergedUnderPending: [], keptLocal: [], invalid: [] };
  const tables = [...ENTITY_TABLES, 'outbox'];
  await db.transaction('rw', tables, async (tx) => {
    // Read the outbox inside the same transaction, so no local write can slip in between.
    const pending = pendingByRow(await bound.outbox(tx).toArray());
    for (const change of changes) {
      if (!isEntityTable(change.table)) continue;
      await applyOne(db, tx, change.table, change, pending.get(rowKey(change.table, change.rowId)), report);
    }
  });
  return report;
}

interface PendingRow {
  fields: Set<string>;
  deleted: boolean;
}

const rowKey = (table: string, rowId: string): string => `${table}\u0000${rowId}`;

function pendingByRow(entries: readonly OutboxEntry[]): Map<string, PendingRow> {
  const map = new Map<string, PendingRow>();
  for (const e of entries) {
    const key = rowKey(e.table, e.rowId);
    const p = map.get(key) ?? { fields: new Set<string>(), deleted: false };
    if (e.op === 'delete') p.deleted = true;
    for (const f of Object.keys(e.fields)) p.fields.add(f);
    map.set(key, p);
  }
  return map;
}

async function applyOne<T extends EntityTable>(db: YoufuDb, tx: Transaction, table: T, change: Change, pending: PendingRow | undefined, report: RemoteApplyReport): Promise<void> {
  const dexieTable = bound.entity(tx, table);
  const removal = change.op === 'delete' || change.row === null;

  if (pending?.deleted) {
    report.keptLocal.push({ table, rowId: change.rowId, reason: 'pending_local_delete' });
    return;
  }
  if (removal) {
    if (pending) {
      report.keptLocal.push({ table, rowId: change.rowId, reason: 'remote_delete_pending_edits' });
      return;
    }
    await dexieTable.delete(change.rowId);
    report.deleted++;
    return;
  }

  const parsed = entitySchemas[table].safeParse({ ...change.row, rev: change.rev });
  if (!parsed.success) {
    report.invalid.push({ table, rowId: change.rowId, issues: zodIssues(parsed.error) });
    return;
  }
  let row = parsed.data as EntityRow<T>;

  if (pending) {
    const storedLocal = await dexieTable.get(change.rowId);
    if (storedLocal !== undefined) {
      const local = db.codec.decode(table, storedLocal) as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...row };
      for (const f of pending.fields) if (f !== 'rev' && Object.hasOwn(local, f)) merged[f] = local[f];
      const reparsed = entitySchemas[table].safeParse(merged);
      if (!reparsed.success) {
        // A cross-field rule broke (say, a remote status change against a local statusDate):
        // keep the local row whole; the push and the next pull settle it on the server.
        report.keptLocal.push({ table, rowId: change.rowId, reason: 'merge_invalid' });
        return;
      }
      row = reparsed.data as EntityRow<T>;
      report.mergedUnderPending.push({ table, rowId: change.rowId, keptFields: [...pending.fields] });
    }
  }
  await dexieTable.put(db.codec.encode(table, row));
  report.upserted++;
}
