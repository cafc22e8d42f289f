import { Dexie } from 'dexie';
import type { AttachmentOwnerTable } from '../../shared/attachments/limits';
import { MAX_ATTACHMENTS_PER_RECORD, THUMB_MIME } from '../../shared/attachments/limits';
import type { PreparedAttachment } from '../../shared/attachments/prepared';
import type { YoufuDb } from './database';
import type { AttachmentBlobEntry } from './records';
import type { Aid, Attachment } from '../../shared/domain/schemas';
import { bound } from './database';
import {
  type EntityInput,
  type PreparedWrite,
  type RepoContext,
  type RepoResult,
  RepoAbort,
  planWrite,
  runPreparedWrite,
  runWrite,
  sealPlanned,
  type WriteSession,
} from './repository';

/** A picked file about to be saved with its record, and the record it belongs to. */
export interface AttachmentToSave {
  file: PreparedAttachment;
  owner: { table: AttachmentOwnerTable; id: string };
}

/** An attachment row prepared (validated, sealed) and its bytes sealed, before the transaction. */
export interface PreparedAttachmentWrite {
  row: PreparedWrite<'attachments'>;
  blobs: AttachmentBlobEntry[];
}

/**
 * Prepares attachments for a write transaction (the visit's, an aid line's, a profile's):
 * each row validated and sealed as a new row, and its bytes sealed under their hash, all
 * before the transaction opens, so the transaction only stores them (runPreparedWrite).
 * `issuePath` names the form's part (['attachments', i]).
 */
export async function prepareAttachments(
  ctx: RepoContext,
  recipientId: string,
  stationCode: string,
  items: readonly AttachmentToSave[],
): Promise<PreparedAttachmentWrite[]> {
  const now = ctx.now().toISOString();
  return Promise.all(
    items.map(async ({ file, owner }, i) => {
      const input: EntityInput<'attachments'> = {
        id: file.id,
        recipientId,
        stationCode,
        ownerTable: owner.table,
        ownerId: owner.id,
        kind: file.kind,
        mime: file.mime,
        sha256: file.sha256,
        size: file.bytes.length,
        width: file.width,
        height: file.height,
        thumbSha256: file.thumb?.sha256 ?? null,
        thumbSize: file.thumb?.bytes.length ?? null,
        fileName: file.fileName,
        caption: file.caption,
        createdBy: ctx.actor.staffId,
        createdAt: now,
        withdrawn: false,
        withdrawReason: null,
      };
      const plan = planWrite(ctx, 'attachments', input, undefined, ['attachments', i]);
      const sealBlob = async (
        sha256: string,
        bytes: Uint8Array,
        mime: string,
        part: 'original' | 'thumb',
      ): Promise<AttachmentBlobEntry> => ({
        sha256,
        sealed: await ctx.db.codec.sealBlob(sha256, bytes),
        size: bytes.length,
        mime,
        part,
        storedAt: now,
        confirmedAt: null,
      });
      const [row, ...blobs] = await Promise.all([
        sealPlanned(ctx, plan, input, undefined, ['attachments', i]),
        sealBlob(file.sha256, file.bytes, file.mime, 'original'),
        ...(file.thumb ? [sealBlob(file.thumb.sha256, file.thumb.bytes, THUMB_MIME, 'thumb')] : []),
      ]);
      return { row, blobs };
    }),
  );
}

/** What a write transaction reads before storing prepared attachments: their rows and bytes as stored now. */
export interface AttachmentsNow {
  rows: unknown[];
  blobs: unknown[];
}

/** Reads, inside the transaction, what `writePreparedAttachments` needs: issue it with the transaction's other reads. */
export async function readAttachmentsNow(s: WriteSession, prepared: readonly PreparedAttachmentWrite[]): Promise<AttachmentsNow> {
  const [rows, blobs] = await Promise.all([
    s.table('attachments').bulkGet(prepared.map((p) => p.row.input.id)),
    bound.attachmentBlobs(s.tx).bulkGet(prepared.flatMap((p) => p.blobs.map((b) => b.sha256))),
  ]);
  return { rows, blobs };
}

/**
 * Issues the writes of prepared attachments (the clock loaded): each row new (one whose id is
 * already stored, a double submit, fails the whole write), and the bytes stored once per
 * content, not again when the device has them (the same photo twice). Nothing is awaited.
 */
export function writePreparedAttachments(
  s: WriteSession,
  prepared: readonly PreparedAttachmentWrite[],
  now: AttachmentsNow,
): Promise<unknown>[] {
  const existing = prepared.find((_, i) => now.rows[i] !== undefined);
  if (existing) s.fail({ code: 'write_failed', message: `attachment ${existing.row.input.id} is already stored` });
  const writes: Promise<unknown>[] = prepared.map((p) => s.applyPrepared(p.row, undefined));
  const blobs = prepared.flatMap((p) => p.blobs);
  const fresh = blobs.filter((b, i) => now.blobs[i] === undefined && blobs.findIndex((o) => o.sha256 === b.sha256) === i);
  if (fresh.length > 0) writes.push(bound.attachmentBlobs(s.tx).bulkPut(fresh));
  return writes;
}

/** Stores bytes fetched from the server (after checking their hash): sealed, already confirmed. */
export async function storeFetchedBytes(
  db: YoufuDb,
  sha256: string,
  bytes: Uint8Array,
  mime: string,
  part: 'original' | 'thumb',
): Promise<void> {
  const sealed = await db.codec.sealBlob(sha256, bytes);
  const now = new Date().toISOString();
  await db.attachmentBlobs.put({ sha256, sealed, size: bytes.length, mime, part, storedAt: now, confirmedAt: now });
}

/** The server holds these bytes: the device may drop the original later (thumbnails are kept). */
export async function markBytesConfirmed(db: YoufuDb, sha256s: readonly string[], at: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.attachmentBlobs, async () => {
    const entries = await db.attachmentBlobs.bulkGet([...sha256s]);
    const updates = entries.flatMap((e) => (e && e.confirmedAt === null ? [{ ...e, confirmedAt: at.toISOString() }] : []));
    if (updates.length > 0) await db.attachmentBlobs.bulkPut(updates);
  });
}

export interface UnconfirmedPart {
  attachmentId: string;
  part: 'original' | 'thumb';
  sha256: string;
}

/**
 * What still has to go up: the parts of pushed attachments whose bytes are on this device and
 * not yet confirmed by the server, each with the attachment it belongs to (the upload names it).
 */
export async function unconfirmedUploads(db: YoufuDb): Promise<UnconfirmedPart[]> {
  const pending = await db.attachmentBlobs.filter((b) => b.confirmedAt === null).toArray();
  if (pending.length === 0) return [];
  const bySha = new Map(pending.map((b) => [b.sha256, b]));
  // A row still in the outbox is not on the server yet: its upload would be refused.
  const unpushed = new Set(
    (await db.outbox.where('[table+rowId]').between(['attachments', Dexie.minKey], ['attachments', Dexie.maxKey]).toArray()).map(
      (e) => e.rowId,
    ),
  );
  const out: UnconfirmedPart[] = [];
  await db.attachments.each((stored) => {
    const row = db.codec.decodeSummary('attachments', stored);
    if (unpushed.has(row.id)) return;
    if (bySha.has(row.sha256)) out.push({ attachmentId: row.id, part: 'original', sha256: row.sha256 });
    if (row.thumbSha256 !== null && bySha.has(row.thumbSha256)) out.push({ attachmentId: row.id, part: 'thumb', sha256: row.thumbSha256 });
  });
  return out;
}

/** Records that take attachments after they were saved: an aid line, a request, a person's file. */
export type LaterOwnerTable = Extract<AttachmentOwnerTable, 'aid' | 'requests' | 'recipients'>;

export interface AddAttachmentsOptions {
  /** An aid line's receipt (a signature or a photo of the signed paper): the line becomes 已签收 in the same write. */
  acknowledge?: boolean;
}

/**
 * Adds attachments to a saved record, in one transaction: rows, outbox entries, sealed bytes
 * and (a receipt for aid) the line marked as signed for, or nothing. A person's file takes an
 * ID card copy, a certificate, a story; an aid line a receipt signed later; a request what the
 * caller sent. The record's person and station come from the record itself; a voided aid line
 * takes nothing, and a record holds at most MAX_ATTACHMENTS_PER_RECORD (withdrawn ones count:
 * they stay in the history).
 */
export async function addRecordAttachments(
  ctx: RepoContext,
  owner: { table: LaterOwnerTable; id: string },
  files: readonly PreparedAttachment[],
  options: AddAttachmentsOptions = {},
): Promise<RepoResult<string[]>> {
  const stored = (await ctx.db.table(owner.table).get(owner.id)) as { recipientId?: string; id: string; stationCode: string } | undefined;
  if (!stored) return { ok: false, error: { code: 'not_found', table: owner.table, rowId: owner.id } };
  const recipientId = owner.table === 'recipients' ? stored.id : stored.recipientId!;
  return runPreparedWrite(
    ctx,
    () =>
      prepareAttachments(
        ctx,
        recipientId,
        stored.stationCode,
        files.map((file) => ({ file, owner })),
      ),
    async (s, prepared) => {
      const [row, existing, now] = await Promise.all([
        s.require(owner.table, owner.id),
        s.table('attachments').where('[ownerTable+ownerId]').equals([owner.table, owner.id]).count(),
        readAttachmentsNow(s, prepared),
        s.loadClock(),
      ]);
      // Moved to another station since it was read: the prepared rows name the old one.
      if (row.stationCode !== stored.stationCode) s.fail({ code: 'write_failed', message: `${owner.table} ${owner.id} moved meanwhile` });
      if (owner.table === 'aid' && (row as Aid).voided)
        s.fail({ code: 'validation_failed', issues: [{ path: ['attachments'], code: 'attachment_owner_voided' }] });
      if (existing + prepared.length > MAX_ATTACHMENTS_PER_RECORD)
        s.fail({ code: 'validation_failed', issues: [{ path: ['attachments'], code: 'attachment_too_many' }] });
      const writes = writePreparedAttachments(s, prepared, now);
      if (options.acknowledge && owner.table === 'aid' && !(row as Aid).acknowledged) {
        writes.push(s.update('aid', row as Aid, { acknowledged: true }));
      }
      await Promise.all([...writes, s.persistClock()]);
      return prepared.map((p) => p.row.row.id);
    },
  );
}

/**
 * Adds documents to a person's file (the profile's 资料: an ID card copy, a certificate, a
 * story), in one transaction: rows, outbox entries and sealed bytes, or nothing.
 */
export function addRecipientAttachments(
  ctx: RepoContext,
  recipient: { id: string },
  files: readonly PreparedAttachment[],
): Promise<RepoResult<string[]>> {
  return addRecordAttachments(ctx, { table: 'recipients', id: recipient.id }, files);
}

/** A wrong attachment is withdrawn with a reason, never deleted: it stays in the history, greyed. */
export async function withdrawAttachment(ctx: RepoContext, id: string, reason: string): Promise<RepoResult<Attachment>> {
  return runWrite(ctx, async (s) => {
    const row = await s.require('attachments', id);
    if (row.withdrawn) s.fail({ code: 'validation_failed', issues: [{ path: ['withdrawn'], code: 'attachment_already_withdrawn' }] });
    if (reason.trim() === '')
      throw new RepoAbort({
        code: 'validation_failed',
        issues: [{ path: ['withdrawReason'], code: 'attachment_withdraw_reason_required' }],
      });
    return s.update('attachments', row, { withdrawn: true, withdrawReason: reason.trim() });
  });
}
