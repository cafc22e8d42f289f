import type { AttachmentOwnerTable } from '../../../shared/attachments/limits';
import type { Attachment } from '../../../shared/domain/schemas';
import { SealedValueError } from '../atRest/cipher';
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

/** Attachments by id, opened (their names are sealed), in the order asked; unknown ids left out. */
export async function attachmentsByIds(db: YoufuDb, ids: readonly string[]): Promise<Attachment[]> {
  const stored = await db.attachments.bulkGet([...ids]);
  return Promise.all(stored.flatMap((s) => (s ? [db.codec.decode('attachments', s)] : [])));
}
