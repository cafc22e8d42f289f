import type { AttachmentOwnerTable } from '../../../shared/attachments/limits';
import type { Attachment } from '../../../shared/domain/schemas';
import { SealedValueError } from '../atRest/cipher';
import { type Freed, type RetentionOptions, originalsToDrop, readRetentionFacts } from '../attachmentRetention';
import type { YoufuDb } from '../database';

/** Attachments as screens read them (issue 15): a record's, a person's, and the bytes on this device. */

/** The attachments of one record (a visit, an aid line, a request, the profile), oldest first. */
export async function attachmentsOf(db: YoufuDb, owner: { table: AttachmentOwnerTable; id: string }): Promise<Attachment[]> {
  const stored = await db.attachments.where('[ownerTable+ownerId]').equals([owner.table, owner.id]).toArray();
  const rows = await Promise.all(stored.map((s) => db.codec.decode('attachments', s)));
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Every attachment of a person, newest first (the profile's 资料 tab). */
export async function attachmentsOfRecipient(db: YoufuDb, recipientId: string): Promise<Attachment[]> {
  const stored = await db.attachments.where('recipientId').equals(recipientId).toArray();
  const rows = await Promise.all(stored.map((s) => db.codec.decode('attachments', s)));
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** The clear bytes of a part stored on this device, or null (not here, dropped, or unreadable). */
export async function readAttachmentBytes(db: YoufuDb, sha256: string): Promise<{ bytes: Uint8Array; mime: string } | null> {
  const entry = await db.attachmentBlobs.get(sha256);
  if (!entry) return null;
  try {
    return { bytes: await db.codec.openBlob(sha256, entry.sealed), mime: entry.mime };
  } catch (e) {
    if (e instanceof SealedValueError) return null;
    throw e;
  }
}

/** The bytes on this device the server has not confirmed yet (originals and thumbnails), and their size. */
export async function bytesAwaitingUpload(db: YoufuDb): Promise<{ parts: number; bytes: number }> {
  let parts = 0;
  let bytes = 0;
  await db.attachmentBlobs
    .filter((b) => b.confirmedAt === null)
    .each((b) => {
      parts += 1;
      bytes += b.size;
    });
  return { parts, bytes };
}

/**
 * Of these attachments, those whose original is on this device and not confirmed by the server
 * yet: the record says its photos are still on their way.
 */
export async function awaitingUploadOf(db: YoufuDb, attachments: readonly Pick<Attachment, 'id' | 'sha256'>[]): Promise<Set<string>> {
  const blobs = await db.attachmentBlobs.bulkGet(attachments.map((a) => a.sha256));
  return new Set(attachments.filter((_, i) => blobs[i] !== undefined && blobs[i].confirmedAt === null).map((a) => a.id));
}

/** Attachments by id, opened (their names are sealed), in the order asked; unknown ids left out. */
export async function attachmentsByIds(db: YoufuDb, ids: readonly string[]): Promise<Attachment[]> {
  const stored = await db.attachments.bulkGet([...ids]);
  return Promise.all(stored.flatMap((s) => (s ? [db.codec.decode('attachments', s)] : [])));
}

/** Parts and their size. */
export interface PartsUsage {
  count: number;
  bytes: number;
}

/** What Settings → storage shows of the attachments on this device. */
export interface AttachmentStorageUsage {
  originals: PartsUsage;
  thumbnails: PartsUsage;
  /** Originals and thumbnails the server has not confirmed yet: kept whatever the setting. */
  awaitingUpload: PartsUsage;
  /** Originals the retention setting would drop now; nothing when no retention is given. */
  droppable: Freed;
}

/**
 * The attachment bytes on this device. Sizes are the sealed lengths as stored (the clear size
 * plus the seal's nonce and tag): what the parts take in IndexedDB, and what dropping frees.
 * With `retention` (the setting's days and now) it also says what dropping would free.
 */
export async function attachmentStorageUsage(db: YoufuDb, retention: RetentionOptions | null = null): Promise<AttachmentStorageUsage> {
  const facts = await readRetentionFacts(db.attachmentBlobs, db.attachments, db.codec);
  const usage: AttachmentStorageUsage = {
    originals: { count: 0, bytes: 0 },
    thumbnails: { count: 0, bytes: 0 },
    awaitingUpload: { count: 0, bytes: 0 },
    droppable: { count: 0, bytes: 0 },
  };
  const add = (u: PartsUsage, bytes: number): void => {
    u.count += 1;
    u.bytes += bytes;
  };
  const droppable = new Set(retention ? originalsToDrop(facts.blobs, facts.rows, retention) : []);
  for (const b of facts.blobs) {
    add(b.part === 'original' ? usage.originals : usage.thumbnails, b.storedBytes);
    if (!b.confirmed) add(usage.awaitingUpload, b.storedBytes);
    if (droppable.has(b.sha256)) add(usage.droppable, b.storedBytes);
  }
  return usage;
}
