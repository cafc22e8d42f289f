import { z } from 'zod';
import { ENTITY_TABLES, type EntityTable, entitySchemas, stationSchema } from '../../../shared/domain/schemas';
import { mutationSchema, syncTableSchema } from '../../../shared/sync/protocol';
import { SCHEMA_V1, type YoufuDb } from '../database';
import type { StoredRow } from '../codec';

/** Every table of the local database, in backup order: data first, then the device's queue and state. */
export const BACKUP_TABLES = Object.keys(SCHEMA_V1) as (keyof typeof SCHEMA_V1)[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

const isEntityTable = (t: string): t is EntityTable => (ENTITY_TABLES as readonly string[]).includes(t);

const localRowSchemas = {
  stations: stationSchema,
  outbox: mutationSchema.extend({ createdAt: z.string().min(1) }),
  syncState: z.object({ key: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  conflicts: z.object({
    id: z.number().int().positive(), table: syncTableSchema, rowId: z.string(), field: z.string(), loserValue: z.unknown(),
    winnerValue: z.unknown(), winner: z.enum(['client', 'server']), mutationId: z.string(), at: z.string(),
  }),
  auditLocal: z.object({
    id: z.number().int().positive(), at: z.string(), staffId: z.string(), staffName: z.string(), table: syncTableSchema,
    rowId: z.string(), op: z.enum(['upsert', 'delete']), fields: z.array(z.string()),
  }),
} as const;

/** Null when the row is valid for its table; else what is wrong, for the log. */
export function rowProblem(db: YoufuDb, table: BackupTable, row: unknown): string | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'not an object';
  if (isEntityTable(table)) {
    // Entity rows are checked as the repository would write them: derived columns stripped.
    const plain = db.codec.decode(table, row as StoredRow<typeof table>);
    const r = entitySchemas[table].safeParse(plain);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  }
  const r = localRowSchemas[table].safeParse(row);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/**
 * The row to write on restore. Entity rows pass the codec again, so derived columns (search
 * keys, the blind index) are made with this profile's keys; everything else is written as is.
 */
export function rowToStore(db: YoufuDb, table: BackupTable, row: unknown): unknown {
  if (!isEntityTable(table)) return row;
  const codec = db.codec;
  return codec.encode(table, codec.decode(table, row as StoredRow<typeof table>));
}
