import { z } from 'zod';
import { ENTITY_TABLES, type EntityRow, type EntityTable, entitySchemas, stationSchema } from '../../../shared/domain/schemas';
import { mutationSchema, syncTableSchema } from '../../../shared/sync/protocol';
import { SCHEMA_V1, SCHEMA_V2, type YoufuDb } from '../database';
import type { ConflictEntry, OutboxEntry, SyncStateEntry } from '../records';
import { DERIVED_COLUMNS, type StoredRow } from '../codec';
import { isAtRestKey } from '../syncStateKeys';
import { SEALED_COLUMN } from '../atRest/sensitive';

/**
 * Every table of the local database, in backup order: data first, then the device's queue and
 * state, then the attachment rows (issue 15). The attachments' bytes are left out: a backup
 * says so (BackupCard), and those the server has come down again on demand.
 */
export const BACKUP_TABLES = [...Object.keys(SCHEMA_V1), ...Object.keys(SCHEMA_V2), 'attachments'] as (
  keyof typeof SCHEMA_V1 | keyof typeof SCHEMA_V2 | 'attachments'
)[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Tables a backup of an earlier version lacks (restored as empty): attachments came with schema 5. */
export const LATER_BACKUP_TABLES: readonly BackupTable[] = ['attachments'];

const isEntityTable = (t: string): t is EntityTable => (ENTITY_TABLES as readonly string[]).includes(t);

const localRowSchemas = {
  stations: stationSchema,
  outbox: mutationSchema.extend({ createdAt: z.string().min(1) }),
  syncState: z.object({ key: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  conflicts: z.object({
    id: z.number().int().positive(),
    table: syncTableSchema,
    rowId: z.string(),
    field: z.string(),
    loserValue: z.unknown(),
    winnerValue: z.unknown(),
    winner: z.enum(['client', 'server']),
    mutationId: z.string(),
    at: z.string(),
  }),
  auditLocal: z.object({
    id: z.number().int().positive(),
    at: z.string(),
    staffId: z.string(),
    staffName: z.string(),
    table: syncTableSchema,
    rowId: z.string(),
    op: z.enum(['upsert', 'delete']),
    fields: z.array(z.string()),
  }),
} as const;

/**
 * An entity row as a backup carries it: plain (this version opens every row before export) or,
 * from a backup of the previous version, with its derived columns, which are dropped here.
 */
function plainEntityRow(table: EntityTable, row: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...row };
  for (const column of DERIVED_COLUMNS[table]) delete copy[column];
  return copy;
}

/** Null when the row is valid for its table; else what is wrong, for the log. */
export function rowProblem(table: BackupTable, row: unknown): string | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'not an object';
  if (isEntityTable(table)) {
    // Sealed bytes belong to the database they were written in; a backup carries plain rows.
    if (SEALED_COLUMN in row) return 'sealed row (not readable outside its own database)';
    const r = entitySchemas[table].safeParse(plainEntityRow(table, row));
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  }
  if (table === 'outbox' && 'sealedFields' in row) return 'sealed outbox entry (not readable outside its own database)';
  if (table === 'conflicts' && 'sealedValues' in row) return 'sealed conflict (not readable outside its own database)';
  const r = localRowSchemas[table].safeParse(row);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/**
 * The rows of one table as they go into a backup file: entity rows and outbox entries opened
 * (the file is encrypted under its own password and must not depend on this database's keys),
 * without this database's encryption bookkeeping in syncState. Runs outside any transaction.
 */
export async function rowsForBackup(db: YoufuDb, table: BackupTable, rows: readonly unknown[]): Promise<unknown[]> {
  if (isEntityTable(table)) return Promise.all(rows.map((r) => db.codec.decode(table, r as StoredRow<typeof table>)));
  if (table === 'outbox') return Promise.all(rows.map((r) => db.codec.openOutbox(r as OutboxEntry)));
  if (table === 'conflicts') return Promise.all(rows.map((r) => db.codec.openConflict(r as ConflictEntry)));
  if (table === 'syncState') return rows.filter((r) => !isAtRestKey((r as SyncStateEntry).key));
  return [...rows];
}

/**
 * The rows to write on restore, sealed under THIS database's keys: entity rows pass the codec
 * (sealed field, search keys and blind index made here), outbox entries are sealed again, and
 * the backup's own encryption bookkeeping (none from this version) is dropped. Runs before the
 * restore transaction opens (WebCrypto is async).
 */
export async function rowsToStore(db: YoufuDb, table: BackupTable, rows: readonly unknown[]): Promise<unknown[]> {
  if (isEntityTable(table)) {
    const plain = rows.map((r) => plainEntityRow(table, r as object) as EntityRow<typeof table>);
    return db.codec.encodeMany(table, plain);
  }
  if (table === 'outbox') return Promise.all(rows.map((r) => db.codec.sealOutbox(r as OutboxEntry)));
  if (table === 'conflicts') return Promise.all(rows.map((r) => db.codec.sealConflict(r as ConflictEntry)));
  if (table === 'syncState') return rows.filter((r) => !isAtRestKey((r as SyncStateEntry).key));
  return [...rows];
}
