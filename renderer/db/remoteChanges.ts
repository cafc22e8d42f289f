import { type EntityRow, type EntityTable, ENTITY_TABLES, entitySchemas } from '../../shared/domain/schemas';
import type { Change } from '../../shared/sync/protocol';
import type { Transaction } from 'dexie';
import { waitInTransaction } from './atRest/txWait';
import type { StoredRow } from './codec';
import { outboxFieldNames } from './atRest/outboxSeal';
import { type YoufuDb, bound } from './database';
import type { OutboxEntry } from './records';
import { type ValidationIssue, zodIssues } from './rowValidation';
import { syncStateIn } from './syncStateRepository';

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
 *
 * Writes are planned first and issued per table as one bulkPut and one bulkDelete: a put per
 * row, each awaited, costs an IndexedDB round trip per row and made a bootstrap several times
 * slower than writing the same rows raw. Only rows with pending edits are read back (to merge).
 * A row named twice in one page ends as its last change says, as it did row by row.
 *
 * Every row of the page is validated and sealed BEFORE the transaction opens, all in parallel
 * (WebCrypto is async and must not be awaited bare inside a Dexie transaction). Only a row
 * merged under pending edits is opened and sealed again inside, through `waitInTransaction`.
 */
export async function applyRemoteChanges(db: YoufuDb, changes: readonly Change[]): Promise<RemoteApplyReport> {
  const report: RemoteApplyReport = { upserted: 0, deleted: 0, mergedUnderPending: [], keptLocal: [], invalid: [] };
  const tables = [...ENTITY_TABLES, 'outbox'];
  const prepared = await prepareRows(db, changes);
  await db.transaction('rw', tables, async (tx) => {
    // Read the outbox inside the same transaction, so no local write can slip in between.
    const pending = pendingByRow(await bound.outbox(tx).toArray());
    const plans = new Map<EntityTable, TablePlan>();
    for (const change of changes) {
      if (!isEntityTable(change.table)) continue;
      let plan = plans.get(change.table);
      if (!plan) {
        plan = new Map();
        plans.set(change.table, plan);
      }
      await planOne(db, tx, change.table, change, prepared.get(change), pending.get(rowKey(change.table, change.rowId)), plan, report);
    }
    for (const [table, plan] of plans) {
      const puts: StoredRow<EntityTable>[] = [];
      const deletes: string[] = [];
      for (const [rowId, write] of plan) {
        if (write === DELETE) deletes.push(rowId);
        else puts.push(write);
      }
      const dexieTable = bound.entity(tx, table);
      if (deletes.length > 0) await dexieTable.bulkDelete(deletes);
      if (puts.length > 0) await dexieTable.bulkPut(puts);
    }
  });
  return report;
}

/** The final write of each row of one table in this page: its stored row, or a delete. */
const DELETE = Symbol('delete');
type TablePlan = Map<string, StoredRow<EntityTable> | typeof DELETE>;

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
    for (const f of outboxFieldNames(e)) p.fields.add(f);
    map.set(key, p);
  }
  return map;
}

/** A pulled upsert, validated and sealed ahead of the transaction; or why it is invalid. */
type PreparedRow = { ok: true; row: EntityRow<EntityTable>; stored: StoredRow<EntityTable> } | { ok: false; issues: ValidationIssue[] };

async function prepareRows(db: YoufuDb, changes: readonly Change[]): Promise<Map<Change, PreparedRow>> {
  const out = new Map<Change, PreparedRow>();
  await Promise.all(
    changes.map(async (change) => {
      if (!isEntityTable(change.table) || change.op === 'delete' || change.row === null) return;
      const table = change.table;
      const parsed = entitySchemas[table].safeParse({ ...change.row, rev: change.rev });
      if (!parsed.success) {
        out.set(change, { ok: false, issues: zodIssues(parsed.error) });
        return;
      }
      const row = parsed.data as EntityRow<typeof table>;
      out.set(change, { ok: true, row, stored: await db.codec.encode(table, row) });
    }),
  );
  return out;
}

async function planOne<T extends EntityTable>(
  db: YoufuDb,
  tx: Transaction,
  table: T,
  change: Change,
  prepared: PreparedRow | undefined,
  pending: PendingRow | undefined,
  plan: TablePlan,
  report: RemoteApplyReport,
): Promise<void> {
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
    plan.set(change.rowId, DELETE);
    report.deleted++;
    return;
  }

  if (prepared === undefined) return;
  if (!prepared.ok) {
    report.invalid.push({ table, rowId: change.rowId, issues: prepared.issues });
    return;
  }
  let stored = prepared.stored as StoredRow<T>;

  if (pending) {
    // The local row as this page has left it so far, else as stored.
    const planned = plan.get(change.rowId);
    const storedLocal =
      planned === undefined ? await bound.entity(tx, table).get(change.rowId) : planned === DELETE ? undefined : (planned as StoredRow<T>);
    if (storedLocal !== undefined) {
      const local = (await waitInTransaction(tx, db.codec.decode(table, storedLocal))) as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...prepared.row };
      for (const f of pending.fields) if (f !== 'rev' && Object.hasOwn(local, f)) merged[f] = local[f];
      const reparsed = entitySchemas[table].safeParse(merged);
      if (!reparsed.success) {
        // A cross-field rule broke (say, a remote status change against a local statusDate):
        // keep the local row whole; the push and the next pull settle it on the server.
        report.keptLocal.push({ table, rowId: change.rowId, reason: 'merge_invalid' });
        return;
      }
      stored = await waitInTransaction(tx, db.codec.encode(table, reparsed.data as EntityRow<T>));
      report.mergedUnderPending.push({ table, rowId: change.rowId, keptFields: [...pending.fields] });
    }
  }
  // Re-inserted so the map's order is the order of last changes (bulkPut writes in that order).
  plan.delete(change.rowId);
  plan.set(change.rowId, stored);
  report.upserted++;
}

/**
 * For a pull from zero (the server cannot serve our cursor any more: tombstone horizon passed,
 * or our scope changed): in one transaction, drops every synced row that has no pending local
 * edit and resets the pull cursor to 0. Rows with pending edits and the outbox stay.
 */
export async function dropSyncedRowsForRefetch(db: YoufuDb): Promise<void> {
  const tables = ENTITY_TABLES.map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.outbox, db.syncState], async (tx) => {
    const pending = new Set((await bound.outbox(tx).toArray()).map((e) => `${e.table}\u0000${e.rowId}`));
    for (const t of ENTITY_TABLES) {
      const table = bound.entity(tx, t);
      const keys = await table.toCollection().primaryKeys();
      await table.bulkDelete(keys.filter((k) => !pending.has(`${t}\u0000${k}`)));
    }
    await syncStateIn(tx).put('cursor', 0);
  });
}
