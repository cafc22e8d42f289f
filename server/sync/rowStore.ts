import type { FieldVersions } from '../../shared/sync/merge';
import type { Queryable } from '../db/db';
import { toNumber } from '../db/db';

/** One synced row as the server stores it (see migrations/001_init.sql). */
export interface StoredRow {
  table: string;
  rowId: string;
  stationCode: string;
  rev: number;
  data: Record<string, unknown>;
  fieldVersions: FieldVersions;
  deleted: boolean;
}

interface RowRecord {
  table_name: string;
  row_id: string;
  station_code: string;
  rev: number;
  data: Record<string, unknown>;
  field_versions: FieldVersions;
  deleted: boolean;
}

function toStored(r: RowRecord): StoredRow {
  return {
    table: r.table_name,
    rowId: r.row_id,
    stationCode: r.station_code,
    rev: r.rev,
    data: r.data,
    fieldVersions: r.field_versions,
    deleted: r.deleted,
  };
}

/** Locks the row for the rest of the transaction: concurrent pushes to one row take turns. */
export async function loadRowForUpdate(tx: Queryable, table: string, rowId: string): Promise<StoredRow | null> {
  const rows = await tx.query<RowRecord>(
    'SELECT table_name, row_id, station_code, rev, data, field_versions, deleted FROM rows WHERE table_name = $1 AND row_id = $2 FOR UPDATE',
    [table, rowId],
  );
  return rows[0] ? toStored(rows[0]) : null;
}

export async function loadChildrenForUpdate(tx: Queryable, recipientId: string): Promise<StoredRow[]> {
  const rows = await tx.query<RowRecord>(
    `SELECT table_name, row_id, station_code, rev, data, field_versions, deleted FROM rows
     WHERE table_name <> 'recipients' AND data ->> 'recipientId' = $1 AND NOT deleted
     ORDER BY table_name, row_id FOR UPDATE`,
    [recipientId],
  );
  return rows.map(toStored);
}

/**
 * Change sequence numbers for one writing transaction. `begin` locks the counter row until the
 * transaction ends, so seqs commit strictly in order (a reader that sees seq n has already
 * been able to see every seq below it); `finish` stores the last one handed out.
 */
export class SeqAllocator {
  private constructor(
    private value: number,
    private readonly start: number,
  ) {}

  static async begin(tx: Queryable): Promise<SeqAllocator> {
    const rows = await tx.query<{ value: unknown }>("SELECT value FROM counters WHERE name = 'change_seq' FOR UPDATE");
    const v = toNumber(rows[0]?.value);
    return new SeqAllocator(v, v);
  }

  next(): number {
    this.value += 1;
    return this.value;
  }

  async finish(tx: Queryable): Promise<void> {
    if (this.value !== this.start) await tx.query("UPDATE counters SET value = $1 WHERE name = 'change_seq'", [this.value]);
  }
}

export interface RowWrite {
  table: string;
  rowId: string;
  stationCode: string;
  /** The station before this write, when it differs: the old scope must see the row leave. */
  oldStationCode: string | null;
  rev: number;
  data: Record<string, unknown>;
  fieldVersions: FieldVersions;
  deleted: boolean;
}

/** Who made a write, for the audit log. */
export interface AuditInfo {
  accountId: string | null;
  deviceId: string | null;
  clientId: string | null;
  mutationId: string | null;
  /** upsert, delete, or follow (moved with its recipient). */
  op: string;
  fields: readonly string[];
}

/**
 * Writes the row, its change-log entry and its audit entry in one statement (one round trip:
 * a 500-mutation push is dominated by round trips, on PGlite especially); returns the seq.
 */
export async function writeRow(tx: Queryable, seqs: SeqAllocator, w: RowWrite, now: Date, audit: AuditInfo): Promise<number> {
  const seq = seqs.next();
  await tx.query(
    `WITH written AS (
       INSERT INTO rows (table_name, row_id, station_code, rev, data, field_versions, deleted, updated_seq, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9)
       ON CONFLICT (table_name, row_id) DO UPDATE SET station_code = EXCLUDED.station_code, rev = EXCLUDED.rev,
         data = EXCLUDED.data, field_versions = EXCLUDED.field_versions, deleted = EXCLUDED.deleted,
         updated_seq = EXCLUDED.updated_seq, updated_at = EXCLUDED.updated_at
       RETURNING 1
     ), logged AS (
       INSERT INTO changes (seq, table_name, row_id, station_code, old_station_code, rev, op)
       VALUES ($8, $1, $2, $3, $10, $4, $11)
       RETURNING 1
     )
     INSERT INTO audit_log (account_id, device_id, client_id, mutation_id, at, table_name, row_id, op, fields, rev, seq)
     VALUES ($12, $13, $14, $15, $9, $1, $2, $16, $17::jsonb, $4, $8)`,
    [
      w.table,
      w.rowId,
      w.stationCode,
      w.rev,
      JSON.stringify(w.data),
      JSON.stringify(w.fieldVersions),
      w.deleted,
      seq,
      now,
      w.oldStationCode,
      w.deleted ? 'delete' : 'upsert',
      audit.accountId,
      audit.deviceId,
      audit.clientId,
      audit.mutationId,
      audit.op,
      JSON.stringify(audit.fields),
    ],
  );
  return seq;
}
