import type { Transaction } from 'dexie';
import { type YoufuDb, bound } from './database';
import type { RowCodec, StoredRow } from './codec';
import type { AttachmentBlobEntry } from './records';
import { readSyncState, writeSyncState } from './syncStateRepository';

/**
 * How long this device keeps the originals of its attachments (issue 15). Once the server has
 * confirmed an original (its hash checked), the device may drop it after a chosen number of days
 * to save space; the thumbnail always stays, and the viewer downloads the original again when it
 * is opened (useAttachmentImage). Bytes the server has not confirmed are never dropped: they may
 * exist nowhere else.
 */

/** The choices of the setting, in days; null keeps every original (the default). */
export const KEEP_ORIGINALS_CHOICES = [null, 30, 90, 180, 365] as const;
export type KeepOriginalsDays = (typeof KEEP_ORIGINALS_CHOICES)[number];

const DAY_MS = 86_400_000;

/** A stored value outside the choices (an older build's, a hand edit) reads as "always keep". */
export function parseKeepOriginalsDays(value: unknown): KeepOriginalsDays {
  return KEEP_ORIGINALS_CHOICES.find((c) => c !== null && c === value) ?? null;
}

/** What the rule needs of one stored part: never its bytes. */
export interface BlobFacts {
  sha256: string;
  part: 'original' | 'thumb';
  confirmed: boolean;
  /** The sealed length: what the part takes in IndexedDB. */
  storedBytes: number;
}

/** What the rule needs of one attachment row: the parts it names and when it was made. */
export interface RowFacts {
  sha256: string;
  thumbSha256: string | null;
  createdAt: string;
}

export interface RetentionOptions {
  olderThanDays: number;
  now: Date;
}

/**
 * The originals that may go: stored as an original, confirmed by the server, named by at least
 * one attachment row as its original, every such row created more than `olderThanDays` before
 * `now` (the same photo attached again yesterday keeps it), and never a row's thumbnail. Bytes no
 * row names stay: nothing could fetch them again under a name. A row whose time cannot be read
 * counts as recent.
 */
export function originalsToDrop(blobs: readonly BlobFacts[], rows: readonly RowFacts[], opts: RetentionOptions): string[] {
  const cutoff = opts.now.getTime() - opts.olderThanDays * DAY_MS;
  const thumbs = new Set(rows.flatMap((r) => (r.thumbSha256 === null ? [] : [r.thumbSha256])));
  const allOld = new Map<string, boolean>();
  for (const r of rows) {
    const created = Date.parse(r.createdAt);
    const old = Number.isFinite(created) && created < cutoff;
    allOld.set(r.sha256, (allOld.get(r.sha256) ?? true) && old);
  }
  return blobs
    .filter((b) => b.part === 'original' && b.confirmed && allOld.get(b.sha256) === true && !thumbs.has(b.sha256))
    .map((b) => b.sha256);
}

/** A table or a transaction's bound table: only its cursor is used. */
interface EachOf<T> {
  each(callback: (value: T) => void): Promise<unknown>;
}

/**
 * The facts of every stored part and every attachment row, read one at a time (a cursor, so the
 * sealed bytes of a thousand photos are never in memory at once). Works in a transaction or not.
 */
export async function readRetentionFacts(
  blobs: EachOf<AttachmentBlobEntry>,
  attachments: EachOf<StoredRow<'attachments'>>,
  codec: RowCodec,
): Promise<{ blobs: BlobFacts[]; rows: RowFacts[] }> {
  const blobFacts: BlobFacts[] = [];
  const rowFacts: RowFacts[] = [];
  await blobs.each((b) => {
    blobFacts.push({ sha256: b.sha256, part: b.part, confirmed: b.confirmedAt !== null, storedBytes: b.sealed.byteLength });
  });
  await attachments.each((stored) => {
    // The hashes and the time are not sealed: the summary has them without decrypting.
    const row = codec.decodeSummary('attachments', stored);
    rowFacts.push({ sha256: row.sha256, thumbSha256: row.thumbSha256, createdAt: row.createdAt });
  });
  return { blobs: blobFacts, rows: rowFacts };
}

export interface Freed {
  count: number;
  /** Sealed bytes, as stored. */
  bytes: number;
}

function sizeOf(facts: readonly BlobFacts[], shas: readonly string[]): Freed {
  const chosen = new Set(shas);
  const parts = facts.filter((b) => chosen.has(b.sha256));
  return { count: parts.length, bytes: parts.reduce((n, b) => n + b.storedBytes, 0) };
}

/**
 * Deletes the originals `originalsToDrop` chooses, deciding and deleting in one transaction, so
 * an attachment saved meanwhile with the same bytes (or bytes not confirmed after all) cannot
 * lose them. Thumbnails are never touched.
 */
export async function dropConfirmedOriginals(db: YoufuDb, opts: RetentionOptions): Promise<Freed> {
  return db.transaction('rw', [db.attachmentBlobs, db.attachments], async (tx: Transaction) => {
    const blobs = bound.attachmentBlobs(tx);
    const facts = await readRetentionFacts(blobs, bound.entity(tx, 'attachments'), db.codec);
    const shas = originalsToDrop(facts.blobs, facts.rows, opts);
    if (shas.length > 0) await blobs.bulkDelete(shas);
    return sizeOf(facts.blobs, shas);
  });
}

/** The device's setting (a device setting in syncState, never synced). */
export async function readKeepOriginalsDays(db: YoufuDb): Promise<KeepOriginalsDays> {
  return parseKeepOriginalsDays(await readSyncState(db, 'keepOriginalsDays'));
}

export async function writeKeepOriginalsDays(db: YoufuDb, days: KeepOriginalsDays): Promise<void> {
  await writeSyncState(db, 'keepOriginalsDays', days);
}

/** Applies the setting: drops what it allows (nothing when originals are always kept). Runs after each sync round. */
export async function applyOriginalsRetention(db: YoufuDb, now: Date = new Date()): Promise<Freed> {
  const days = await readKeepOriginalsDays(db);
  if (days === null) return { count: 0, bytes: 0 };
  return dropConfirmedOriginals(db, { olderThanDays: days, now });
}
