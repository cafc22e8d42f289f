import type { EntityTable } from '../../shared/domain/schemas';
import type { Mutation } from '../../shared/sync/protocol';

/**
 * The local-only records of the database (outbox, sync state, conflicts, audit, drafts): plain
 * types, importing only shared/ types, so the codec and the sealing code below it can name them
 * without importing the database (database.ts → codec.ts → atRest/* → here, never back up).
 */

/** One outbox row is one push mutation; `seq` is the per-client mutation seq (auto-increment). */
export interface OutboxEntry extends Omit<Mutation, 'table' | 'seq'> {
  seq: number;
  table: EntityTable;
  createdAt: string;
}

/** Small key/value state of this device: clientId, the HLC, the pull cursor … (keys: syncStateKeys.ts). */
export interface SyncStateEntry {
  key: string;
  value: string | number | boolean | null;
}

/** A field conflict reported by the server on push, kept for the supervisor's review. */
export interface ConflictEntry {
  id: number;
  table: EntityTable;
  rowId: string;
  field: string;
  loserValue: unknown;
  winnerValue: unknown;
  winner: 'client' | 'server';
  mutationId: string;
  at: string;
}

/** Who changed what on this device, written in the same transaction as the change. */
export interface AuditEntry {
  id: number;
  at: string;
  staffId: string;
  staffName: string;
  table: EntityTable;
  rowId: string;
  op: 'upsert' | 'delete';
  fields: string[];
}

/** A form's unsaved values as stored: everything but the id and the time is sealed. */
export interface DraftEntry {
  /** `visit/<recipientId>`: one visit draft per recipient in this account's database. */
  id: string;
  savedAt: string;
  sealed: Uint8Array;
}

/**
 * The bytes of an attachment's original or thumbnail on this device, once for each content:
 * AES-GCM sealed with the table and the hash as additional data, so no image or PDF is in clear
 * in IndexedDB. `sha256` is the hash of the clear bytes (the attachment row's `sha256` or
 * `thumbSha256`). An original the server has confirmed may be dropped to save space and
 * fetched again on demand; thumbnails are kept.
 */
export interface AttachmentBlobEntry {
  sha256: string;
  sealed: Uint8Array;
  size: number;
  mime: string;
  part: 'original' | 'thumb';
  storedAt: string;
  /** When the server confirmed it holds these bytes (their hash checked); null until then. */
  confirmedAt: string | null;
}
