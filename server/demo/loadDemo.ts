import { DEMO_ACCOUNTS, generateDemoRows } from '../../shared/demo';
import type { DemoRow } from '../../shared/demo';
import { entitySchemas } from '../../shared/domain/schemas';
import { createAccount, findAccountByUsername } from '../auth/accounts';
import type { Db } from '../db/db';
import { toNumber } from '../db/db';
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

const BATCH = 1000;

export type EntityDemoRow = Exclude<DemoRow, { table: 'stations' }>;

/** Writes a batch as rows + changes in one transaction, in the generator's order. */
export async function writeDemoBatch(db: Db, batch: readonly EntityDemoRow[], now: Date): Promise<void> {
  await db.transaction(async (tx) => {
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
  });
}

/**
 * Loads the deterministic demo data set (shared/demo) and the four demo accounts, once: a
 * database that already holds rows is left alone, so restarting with `--demo` is harmless.
 * Every row is checked against its shared schema first, as a push would be.
 */
export async function loadDemo(db: Db, opts: DemoLoadOptions, now = new Date()): Promise<DemoLoadResult> {
  const accounts = Object.values(DEMO_ACCOUNTS).map((a) => ({ username: a.username, role: a.role, stationCode: a.stationCode }));
  const [existing] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM rows');
  let rows = 0;
  const loaded = toNumber(existing?.n ?? 0) === 0;
  if (loaded) {
    let batch: EntityDemoRow[] = [];
    for (const r of generateDemoRows({ recipients: opts.recipients, seed: opts.seed, today: opts.today })) {
      if (r.table === 'stations') continue; // static reference data, shipped with the app
      const parsed = entitySchemas[r.table].safeParse(r.row);
      if (!parsed.success) throw new Error(`demo row ${r.table}/${r.row.id} is invalid: ${parsed.error.message}`);
      batch.push(r);
      if (batch.length >= BATCH) {
        await writeDemoBatch(db, batch, now);
        rows += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await writeDemoBatch(db, batch, now);
    rows += batch.length;
  }
  for (const a of Object.values(DEMO_ACCOUNTS)) {
    if (await findAccountByUsername(db, a.username)) continue;
    await createAccount(db, { id: a.id, username: a.username, name: a.name, role: a.role, stationCode: a.stationCode, password: DEMO_PASSWORD }, now);
  }
  return { loaded, rows, accounts };
}
