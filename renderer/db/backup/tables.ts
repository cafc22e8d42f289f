import { z } from 'zod';
import { ENTITY_TABLES, type EntityRow, type EntityTable, entitySchemas, stationSchema } from '../../../shared/domain/schemas';
import { mutationSchema, syncTableSchema } from '../../../shared/sync/protocol';
import { SCHEMA_V1, SCHEMA_V2, type YoufuDb } from '../database';
import type { AttachmentBlobEntry, ConflictEntry, OutboxEntry, SyncStateEntry } from '../records';
import { ATTACHMENT_MIME, SHA256_HEX } from '../../../shared/attachments/limits';
import { fromBase64, sha256Hex, toBase64 } from '../../../shared/cipher/aesGcm';
import { DERIVED_COLUMNS, type StoredRow } from '../codec';
import { isAtRestKey } from '../syncStateKeys';
import { SEALED_COLUMN } from '../atRest/sensitive';

/**
 * Every table of the local database, in backup order: data first, then the device's queue and
 * state, then the attachment rows (issue 15), then attachment bytes: every thumbnail and every
 * original the server has not confirmed yet (the only copy there is). Originals the server
 * holds are left out, to keep the file small: a backup says so (BackupCard), and they come
 * down again on demand.
 */
export const BACKUP_TABLES = [...Object.keys(SCHEMA_V1), ...Object.keys(SCHEMA_V2), 'attachments', 'attachmentBlobs'] as (
  keyof typeof SCHEMA_V1 | keyof typeof SCHEMA_V2 | 'attachments' | 'attachmentBlobs'
)[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Tables added to backups after the first version, in the order they came: a backup lacks a
 * tail of this list (restored as empty). Attachment rows came with schema 5; their bytes a
 * little later, within schema 5.
 */
export const LATER_BACKUP_TABLES: readonly BackupTable[] = ['attachments', 'attachmentBlobs'];

/** The table sets a backup this version reads may have, sorted and joined (the current one first). */
export function acceptedTableSets(): string[] {
  const out: string[] = [];
  for (let keep = LATER_BACKUP_TABLES.length; keep >= 0; keep--) {
    const missing = LATER_BACKUP_TABLES.slice(keep);
    out.push(
      BACKUP_TABLES.filter((t) => !missing.includes(t))
        .sort()
        .join(','),
    );
  }
  return out;
}

/** Attachment bytes as a backup carries them: opened, base64, with their stored facts. */
const backupBlobSchema = z.object({
  sha256: z.string().regex(SHA256_HEX),
  part: z.enum(['original', 'thumb']),
  mime: z.enum([...ATTACHMENT_MIME]),
  size: z.number().int().positive(),
  storedAt: z.string().min(1),
  confirmedAt: z.string().nullable(),
  base64: z.string().min(1),
});
type BackupBlob = z.infer<typeof backupBlobSchema>;

/** The bytes of a backup's attachment are not the ones its hash names: the file was altered or damaged. */
export class BackupBlobMismatch extends Error {
  constructor(readonly sha256: string) {
    super(`attachment bytes ${sha256.slice(0, 12)}… do not match their sha256`);
  }
}

/** Whether a stored blob goes into a backup: every thumbnail, and originals the server has not confirmed. */
export function blobBelongsInBackup(b: Pick<AttachmentBlobEntry, 'part' | 'confirmedAt'>): boolean {
  return b.part === 'thumb' || b.confirmedAt === null;
}

async function blobForBackup(db: YoufuDb, b: AttachmentBlobEntry): Promise<BackupBlob> {
  const bytes = await db.codec.openBlob(b.sha256, b.sealed);
  return {
    sha256: b.sha256,
    part: b.part,
    mime: b.mime as BackupBlob['mime'],
    size: b.size,
    storedAt: b.storedAt,
    confirmedAt: b.confirmedAt,
    base64: toBase64(bytes),
  };
}

/** Checks a backup's attachment bytes against their hash and size, and seals them under this database's keys. */
async function blobToStore(db: YoufuDb, b: BackupBlob): Promise<AttachmentBlobEntry> {
  const bytes = fromBase64(b.base64);
  if (bytes.length !== b.size || (await sha256Hex(bytes)) !== b.sha256) throw new BackupBlobMismatch(b.sha256);
  return {
    sha256: b.sha256,
    sealed: await db.codec.sealBlob(b.sha256, bytes),
    size: b.size,
    mime: b.mime,
    part: b.part,
    storedAt: b.storedAt,
    confirmedAt: b.confirmedAt,
  };
}

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
  attachmentBlobs: backupBlobSchema,
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
  if (table === 'attachmentBlobs') {
    // One at a time: a photo's clear bytes are in memory only while it is encoded.
    const out: BackupBlob[] = [];
    for (const b of rows as AttachmentBlobEntry[]) if (blobBelongsInBackup(b)) out.push(await blobForBackup(db, b));
    return out;
  }
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
  if (table === 'attachmentBlobs') {
    const out: AttachmentBlobEntry[] = [];
    for (const b of rows as BackupBlob[]) out.push(await blobToStore(db, b));
    return out;
  }
  return [...rows];
}
