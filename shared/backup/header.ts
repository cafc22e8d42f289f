import { z } from 'zod';
import { AES_GCM_IV_BYTES, PBKDF2_DEFAULT_ITERATIONS, PBKDF2_SALT_BYTES } from '../cipher/aesGcm';

export const BACKUP_MAGIC = 'YOUFU-BACKUP';
export const BACKUP_FORMAT_VERSION = 1;
export const MIN_PBKDF2_ITERATIONS = 200_000;
export const DEFAULT_PBKDF2_ITERATIONS = PBKDF2_DEFAULT_ITERATIONS;
/** A crafted header must not make the app hash for an hour. */
export const MAX_PBKDF2_ITERATIONS = 5_000_000;
export const SALT_BYTES = PBKDF2_SALT_BYTES;
export const IV_BYTES = AES_GCM_IV_BYTES;
export const MAX_HEADER_BYTES = 64 * 1024;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const count = z.number().int().nonnegative();

/**
 * The plaintext header: readable without the password (so a person can see whose backup and
 * from when), and authenticated as AES-GCM additional data, so no byte of it can be changed.
 */
export const backupHeaderSchema = z.object({
  magic: z.literal(BACKUP_MAGIC),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  databaseName: z.string().min(1).max(200),
  accountId: z.string().min(1).max(100),
  serverId: z.string().min(1).max(200),
  createdAt: z.string().min(1).max(40),
  /** The tables in payload order, and the rows of each. */
  tables: z.array(z.string().min(1).max(60)).max(100),
  counts: z.record(z.string(), count),
  /** The highest outbox seq the source had ever issued, so a restored device never reuses one. */
  outboxSeqFloor: count,
  payloadSha256: hex(32),
  kdf: z.object({
    name: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: hex(SALT_BYTES),
  }),
  cipher: z.object({ name: z.literal('AES-256-GCM'), iv: hex(IV_BYTES) }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** What the exporting side says about the backup; the rest of the header is computed. */
export interface BackupMeta {
  schemaVersion: number;
  databaseName: string;
  accountId: string;
  serverId: string;
  createdAt: string;
  outboxSeqFloor: number;
}
