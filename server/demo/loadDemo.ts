import { DEMO_ACCOUNTS, generateDemoRows } from '../../shared/demo';
import type { DemoRow } from '../../shared/demo';
import { entitySchemas } from '../../shared/domain/schemas';
import { createAccount, findAccountByUsername } from '../auth/accounts';
import type { Db, Queryable } from '../db/db';
import { SeqAllocator } from '../sync/rowStore';

/** Known to everyone on purpose: demo data only, never on a server with real records. */
export const DEMO_PASSWORD = 'demo-pass';

export interface DemoLoadOptions {
  recipients: number;
  seed: number;
  /** `YYYY-MM-DD`, the day the data set depicts. */
  today: string;
}

export interface DemoLoadResult {
  loaded: boolean;
  rows: number;
  accounts: { username: string; role: string; stationCode: string }[];
}

/**
 * The `server_settings` key that marks a database as made by the demo loader (its value: what
 * was loaded, as JSON). Written in the transaction that loads the demo rows and creates the demo
 * accounts, so a database holds the demo accounts exactly when it holds this mark.
 */
export const DEMO_MARKER_KEY = 'demo_database';

/** `--demo` on a database the demo did not create: the server must not start. */
export class DemoRefusedError extends Error {
  override readonly name = 'DemoRefusedError';
}

export const DEMO_REFUSED_MESSAGE =
  `--demo refused: this database already holds records or accounts that the demo did not create. ` +
  `The demo would add accounts with the public password "${DEMO_PASSWORD}" (demo-admin sees the whole city), ` +
  'an open door to real data. Start without --demo to use this database, or point DATA_DIR (or ' +
  'DATABASE_URL) at a new, empty database for the demo.';

/** Whether the demo loader made this database (see DEMO_MARKER_KEY). */
export async function isDemoDatabase(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ key: string }>('SELECT key FROM server_settings WHERE key = $1', [DEMO_MARKER_KEY]);
  return rows.length > 0;
}

/** Any two servers starting with --demo on one empty database take turns (the first loads). */
const DEMO_LOCK_KEY = 7_011_2025;

const BATCH = 1000;

export type EntityDemoRow = Exclude<DemoRow, { table: 'stations' }>;

/** Writes a batch as rows + changes inside the caller's transaction, in the generator's order. */
async function insertDemoBatch(tx: Queryable, batch: readonly EntityDemoRow[], now: Date): Promise<void> {
  const seqs = await SeqAllocator.begin(tx);
  const items = batch.map((r) => ({
    table_name: r.table,
    row_id: r.row.id,
    station_code: r.row.stationCode,
    seq: seqs.next(),
    data: { ...r.row, rev: 1 },
  }));
  const json = JSON.stringify(items);
  // Rows loaded by the server carry no field versions: no client edit can conflict with them.
  await tx.query(
    `INSERT INTO rows (table_name, row_id, station_code, rev, data, field_versions, deleted, updated_seq, updated_at)
     SELECT x.table_name, x.row_id, x.station_code, 1, x.data, '{}'::jsonb, false, x.seq, $2
     FROM jsonb_to_recordset($1::jsonb) AS x(table_name text, row_id text, station_code text, seq bigint, data jsonb)`,
    [json, now],
  );
  await tx.query(
    `INSERT INTO changes (seq, table_name, row_id, station_code, old_station_code, rev, op)
     SELECT x.seq, x.table_name, x.row_id, x.station_code, NULL, 1, 'upsert'
     FROM jsonb_to_recordset($1::jsonb) AS x(table_name text, row_id text, station_code text, seq bigint)`,
    [json],
  );
  await seqs.finish(tx);
}

/** Writes a batch as rows + changes in one transaction (bench and parity loaders). */
export async function writeDemoBatch(db: Db, batch: readonly EntityDemoRow[], now: Date): Promise<void> {
  await db.transaction((tx) => insertDemoBatch(tx, batch, now));
}

/**
 * Marks an EMPTY database as a demo database, in the caller's transaction (for loaders that
 * write their own demo rows, like the bench's, before loadDemo adds the accounts). Throws
 * DemoRefusedError when it holds anything: rows, changes or accounts.
 */
export async function claimForDemo(tx: Queryable, what: Record<string, unknown>, now: Date): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
  if (await isDemoDatabase(tx)) return;
  const [used] = await tx.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM rows) OR EXISTS (SELECT 1 FROM changes) OR EXISTS (SELECT 1 FROM accounts) AS used`,
  );
  if (used?.used) throw new DemoRefusedError(DEMO_REFUSED_MESSAGE);
  await tx.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', [
    DEMO_MARKER_KEY,
    JSON.stringify({ ...what, markedAt: now.toISOString() }),
  ]);
}

async function createDemoAccounts(tx: Queryable, now: Date): Promise<void> {
  for (const a of Object.values(DEMO_ACCOUNTS)) {
    if (await findAccountByUsername(tx, a.username)) continue;
    await createAccount(
      tx,
      { id: a.id, username: a.username, name: a.name, role: a.role, stationCode: a.stationCode, password: DEMO_PASSWORD },
      now,
    );
  }
}

/**
 * Loads the deterministic demo data set (shared/demo) and the four demo accounts into an EMPTY
 * database, in one transaction that also marks it as a demo database (DEMO_MARKER_KEY): a start
 * that is killed half-way leaves the database empty, never half a demo. On a database so marked
 * it only re-creates missing demo accounts, so restarting with `--demo` is harmless. On any
 * other database (records, changes or accounts the demo did not make) it refuses with
 * DemoRefusedError and writes nothing: the demo accounts must never open real data.
 * Every row is checked against its shared schema first, as a push would be.
 */
export async function loadDemo(db: Db, opts: DemoLoadOptions, now = new Date()): Promise<DemoLoadResult> {
  const accounts = Object.values(DEMO_ACCOUNTS).map((a) => ({ username: a.username, role: a.role, stationCode: a.stationCode }));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
    if (await isDemoDatabase(tx)) {
      await createDemoAccounts(tx, now);
      return { loaded: false, rows: 0, accounts };
    }
    await claimForDemo(tx, { recipients: opts.recipients, seed: opts.seed, today: opts.today }, now);
    let rows = 0;
    let batch: EntityDemoRow[] = [];
    for (const r of generateDemoRows({ recipients: opts.recipients, seed: opts.seed, today: opts.today })) {
      if (r.table === 'stations') continue; // static reference data, shipped with the app
      const parsed = entitySchemas[r.table].safeParse(r.row);
      if (!parsed.success) throw new Error(`demo row ${r.table}/${r.row.id} is invalid: ${parsed.error.message}`);
      batch.push(r);
      if (batch.length >= BATCH) {
        await insertDemoBatch(tx, batch, now);
        rows += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await insertDemoBatch(tx, batch, now);
    rows += batch.length;
    await createDemoAccounts(tx, now);
    return { loaded: true, rows, accounts };
  });
}
