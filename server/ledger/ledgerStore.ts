import { isInScope } from '../../shared/stations/tree';
import { encodeHlc } from '../../shared/sync/hlc';
import type { FieldVersions } from '../../shared/sync/merge';
import type { ExistingData, ImportOptions, ImportPlan, LedgerData, ParsedLedger } from '../../shared/ledger';
import { WRITE_ORDER, ledgerDataFrom, planImport } from '../../shared/ledger';
import type { Db, Queryable } from '../db/db';
import { type AuditInfo, SeqAllocator, loadChildrenForUpdate, loadRowForUpdate, writeRow } from '../sync/rowStore';

/**
 * The ledger against the central server's rows: read a scope for export, and import a parsed
 * ledger in ONE transaction through the row store, so every row written gets a change-feed
 * entry (devices pull it) and an audit entry, exactly like a pushed edit.
 */

/** The client id and HLC node of ledger imports: field versions and the audit name them. */
export const LEDGER_CLIENT = 'ledger-import';

const TABLES = ['recipients', 'visits', 'aid', 'duties', 'dutyOccurrences', 'requests'] as const;

async function loadRows(q: Queryable, scope: string, recipientsEverywhere: boolean): Promise<LedgerData> {
  const rows = await q.query<{ table_name: string; data: Record<string, unknown> }>(
    `SELECT table_name, data FROM rows
     WHERE NOT deleted AND (table_name = 'staff' OR (table_name = ANY($1::text[]) AND station_code LIKE $2)
       OR ($3 AND table_name = 'recipients'))
     ORDER BY table_name, row_id`,
    [`{${TABLES.join(',')}}`, `${scope}%`, recipientsEverywhere],
  );
  const attachments = await q.query<LedgerData['attachments'][number]>(
    `SELECT data ->> 'recipientId' AS "recipientId", data ->> 'ownerTable' AS "ownerTable", data ->> 'ownerId' AS "ownerId",
       (data ->> 'withdrawn')::boolean AS withdrawn
     FROM rows WHERE table_name = 'attachments' AND NOT deleted AND station_code LIKE $1`,
    [`${scope}%`],
  );
  return { ...ledgerDataFrom(rows.map((r) => ({ table: r.table_name, row: r.data }))), attachments };
}

/** The rows of a scope, and the whole staff roster (for names), for an export. */
export function loadLedgerData(q: Queryable, scope: string): Promise<LedgerData> {
  return loadRows(q, scope, false);
}

/** A created row whose id is already taken outside the scope: the import is refused. */
export class LedgerScopeError extends Error {
  constructor(
    readonly table: string,
    readonly rowId: string,
  ) {
    super(`forbidden_scope: ${table}/${rowId} belongs to a station outside the import's scope`);
    this.name = 'LedgerScopeError';
  }
}

export interface ServerImportOptions {
  scope: string;
  /** Plan only; nothing is written. */
  dryRun: boolean;
  /** Write the valid rows although some rows have errors (they are left out). */
  skipErrors: boolean;
  now?: Date;
}

export interface ServerImportResult {
  plan: ImportPlan;
  written: boolean;
  /** Rows written (created, updated, and records that followed a recipient to a new station). */
  rowsWritten: number;
}

class NotWritten extends Error {}

/**
 * Plans and writes an import in one transaction (rows are read with the plan's snapshot and
 * locked as they are written). With errors and without `skipErrors`, or with `dryRun`,
 * the transaction is rolled back and nothing is written.
 */
export async function importLedger(db: Db, parsed: ParsedLedger, options: ServerImportOptions): Promise<ServerImportResult> {
  const now = options.now ?? new Date();
  let result: ServerImportResult | null = null;
  try {
    await db.transaction(async (tx) => {
      // Recipients of every station: an ID number registered elsewhere is found, never registered twice.
      const existing: ExistingData = await loadRows(tx, options.scope, true);
      const importOptions: ImportOptions = { scope: options.scope, actorStaffId: null, now };
      const plan = planImport(parsed, existing, importOptions);
      result = { plan, written: false, rowsWritten: 0 };
      if (options.dryRun || plan.masked || (plan.errors.length > 0 && !options.skipErrors)) throw new NotWritten();
      result.rowsWritten = await writePlan(tx, plan, options.scope, now);
      result.written = true;
    });
  } catch (e) {
    if (!(e instanceof NotWritten)) throw e;
  }
  return result!;
}

async function writePlan(tx: Queryable, plan: ImportPlan, scope: string, now: Date): Promise<number> {
  const seqs = await SeqAllocator.begin(tx);
  const hlc = encodeHlc({ millis: now.getTime(), counter: 0, node: LEDGER_CLIENT });
  const audit = (fields: readonly string[], op = 'import'): AuditInfo => ({
    accountId: null,
    deviceId: null,
    clientId: LEDGER_CLIENT,
    mutationId: null,
    op,
    fields,
  });
  let written = 0;
  for (const table of WRITE_ORDER) {
    const t = plan.tables[table];
    const writes: { row: Record<string, unknown>; fields: string[] | null }[] = [
      ...t.create.map((row) => ({ row: row, fields: null })),
      ...t.update.map((u) => ({ row: u.after, fields: u.fields })),
    ];
    for (const w of writes) {
      const rowId = w.row.id as string;
      const stationCode = w.row.stationCode as string;
      const stored = await loadRowForUpdate(tx, table, rowId);
      if (w.fields === null && stored && !isInScope(stored.stationCode, scope)) throw new LedgerScopeError(table, rowId);
      const rev = (stored?.rev ?? 0) + 1;
      const fields = w.fields ?? Object.keys(w.row).filter((k) => k !== 'rev' && k !== 'updatedAt');
      const fieldVersions: FieldVersions = { ...(stored?.fieldVersions ?? {}) };
      for (const f of fields) fieldVersions[f] = { rev, hlc, client: LEDGER_CLIENT };
      const oldStation = stored && stored.stationCode !== stationCode ? stored.stationCode : null;
      await writeRow(
        tx,
        seqs,
        {
          table,
          rowId,
          stationCode,
          oldStationCode: oldStation,
          rev,
          data: { ...w.row, rev, updatedAt: now.toISOString() },
          fieldVersions,
          deleted: false,
        },
        now,
        audit(fields),
      );
      written++;
      if (table === 'recipients' && oldStation !== null)
        written += await followRecipient(tx, seqs, rowId, stationCode, now, hlc, audit(['stationCode'], 'follow'));
    }
  }
  await seqs.finish(tx);
  return written;
}

/** A recipient moved by the ledger takes their case file along, as a pushed move does. */
async function followRecipient(
  tx: Queryable,
  seqs: SeqAllocator,
  recipientId: string,
  stationCode: string,
  now: Date,
  hlc: string,
  audit: AuditInfo,
): Promise<number> {
  let n = 0;
  for (const child of await loadChildrenForUpdate(tx, recipientId)) {
    if (child.stationCode === stationCode) continue;
    const rev = child.rev + 1;
    await writeRow(
      tx,
      seqs,
      {
        ...child,
        stationCode,
        oldStationCode: child.stationCode,
        rev,
        data: { ...child.data, stationCode, rev, updatedAt: now.toISOString() },
        fieldVersions: { ...child.fieldVersions, stationCode: { rev, hlc, client: LEDGER_CLIENT } },
      },
      now,
      audit,
    );
    n++;
  }
  return n;
}
