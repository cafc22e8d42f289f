import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreparedAttachment } from '../../shared/attachments/prepared';
import { sha256Hex } from '../../shared/cipher/aesGcm';
import { addRecipientAttachments, markBytesConfirmed, storeFetchedBytes, unconfirmedUploads } from './attachmentRepository';
import {
  type BlobFacts,
  type RowFacts,
  applyOriginalsRetention,
  dropConfirmedOriginals,
  originalsToDrop,
  parseKeepOriginalsDays,
  readKeepOriginalsDays,
  writeKeepOriginalsDays,
} from './attachmentRetention';
import type { YoufuDb } from './database';
import { attachmentStorageUsage, readAttachmentBytes } from './queries/attachments';
import { createRecipient } from './recipientRepository';
import { newTestDb, recipientInput, testContext, type TestContext } from './testFixtures';

describe('originalsToDrop', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const opts = { olderThanDays: 30, now };
  const old = '2026-04-01T09:00:00+08:00';
  const recent = '2026-05-20T09:00:00+08:00';
  const blob = (sha256: string, over: Partial<BlobFacts> = {}): BlobFacts => ({
    sha256,
    part: 'original',
    confirmed: true,
    storedBytes: 100,
    ...over,
  });
  const row = (sha256: string, createdAt: string, thumbSha256: string | null = null): RowFacts => ({ sha256, thumbSha256, createdAt });

  it.each<[string, BlobFacts[], RowFacts[], string[]]>([
    ['an old confirmed original goes', [blob('a')], [row('a', old)], ['a']],
    ['bytes the server has not confirmed stay', [blob('a', { confirmed: false })], [row('a', old)], []],
    ['a thumbnail stays, confirmed and old', [blob('t', { part: 'thumb' })], [row('a', old, 't')], []],
    ['a recent attachment keeps its original', [blob('a')], [row('a', recent)], []],
    ['bytes shared with a recent attachment stay', [blob('a')], [row('a', old), row('a', recent)], []],
    ['bytes shared by old attachments only go', [blob('a')], [row('a', old), row('a', '2026-01-01T00:00:00Z')], ['a']],
    ['bytes another attachment uses as its thumbnail stay', [blob('a')], [row('a', old), row('b', old, 'a')], []],
    ['bytes no attachment names stay', [blob('a')], [], []],
    ['an attachment whose time cannot be read counts as recent', [blob('a')], [row('a', 'not a time')], []],
    ['exactly N days old is not more than N days', [blob('a')], [row('a', '2026-05-02T00:00:00Z')], []],
    ['a second over N days is', [blob('a')], [row('a', '2026-05-01T23:59:59Z')], ['a']],
  ])('%s', (_, blobs, rows, expected) => {
    expect(originalsToDrop(blobs, rows, opts)).toEqual(expected);
  });

  it('counts the days from now', () => {
    const blobs = [blob('a')];
    const rows = [row('a', old)];
    expect(originalsToDrop(blobs, rows, { olderThanDays: 90, now })).toEqual([]);
    expect(originalsToDrop(blobs, rows, { olderThanDays: 30, now })).toEqual(['a']);
  });
});

describe('parseKeepOriginalsDays', () => {
  it.each<[unknown, number | null]>([
    [undefined, null],
    [null, null],
    [90, 90],
    [365, 365],
    [7, null],
    ['90', null],
  ])('%j reads as %j', (stored, expected) => {
    expect(parseKeepOriginalsDays(stored)).toBe(expected);
  });
});

const R1 = '11111111-0000-4000-8000-000000000001';
const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

async function photo(n: number): Promise<PreparedAttachment> {
  const bytes = Uint8Array.from([0xff, 0xd8, 0xff, ...randomBytes(4000 + n)]);
  const thumb = Uint8Array.from([0xff, 0xd8, 0xff, ...randomBytes(400 + n)]);
  return {
    id: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
    kind: 'visit_photo',
    mime: 'image/jpeg',
    bytes,
    sha256: await sha256Hex(bytes),
    width: 1600,
    height: 1200,
    thumb: { bytes: thumb, sha256: await sha256Hex(thumb) },
    fileName: `门口${n}.jpg`,
    caption: '',
  };
}

let db: YoufuDb;
let ctx: TestContext;
beforeEach(async () => {
  db = newTestDb();
  ctx = testContext(db, '2026-01-05T09:00:00+08:00');
  const created = await createRecipient(ctx, recipientInput(R1));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
});
afterEach(async () => {
  await db.delete();
});

async function attach(files: PreparedAttachment[], atIso: string): Promise<void> {
  ctx.clock.ms = Date.parse(atIso);
  const added = await addRecipientAttachments(ctx, { id: R1 }, files);
  if (!added.ok) throw new Error(JSON.stringify(added.error));
}

const sealedLength = async (sha256: string): Promise<number> => (await db.attachmentBlobs.get(sha256))!.sealed.byteLength;
const NOW = new Date('2026-06-01T09:00:00+08:00');

/**
 * Three photos: `old` (January, its original and thumbnail confirmed), `waiting` (January, never
 * confirmed: the upload has not gone through) and `recent` (last week, confirmed).
 */
async function threePhotos(): Promise<{ old: PreparedAttachment; waiting: PreparedAttachment; recent: PreparedAttachment }> {
  const [old, waiting, recent] = await Promise.all([photo(1), photo(2), photo(3)]);
  await attach([old, waiting], '2026-01-10T09:00:00+08:00');
  await attach([recent], '2026-05-25T09:00:00+08:00');
  await db.outbox.clear();
  await markBytesConfirmed(db, [old.sha256, old.thumb!.sha256, recent.sha256, recent.thumb!.sha256]);
  return { old, waiting, recent };
}

describe('dropConfirmedOriginals', () => {
  it('drops only the old confirmed original: its thumbnail, unconfirmed bytes and a recent photo stay', async () => {
    const { old, waiting, recent } = await threePhotos();
    const freedBytes = await sealedLength(old.sha256);

    const freed = await dropConfirmedOriginals(db, { olderThanDays: 90, now: NOW });

    expect(freed).toEqual({ count: 1, bytes: freedBytes });
    expect(await readAttachmentBytes(db, old.sha256)).toBeNull();
    expect((await readAttachmentBytes(db, old.thumb!.sha256))?.bytes).toEqual(old.thumb!.bytes);
    expect((await readAttachmentBytes(db, waiting.sha256))?.bytes).toEqual(waiting.bytes);
    expect((await readAttachmentBytes(db, recent.sha256))?.bytes).toEqual(recent.bytes);
    // The waiting photo still goes up in the next round, original and thumbnail.
    expect((await unconfirmedUploads(db)).map((u) => [u.attachmentId, u.part])).toEqual([
      [waiting.id, 'original'],
      [waiting.id, 'thumb'],
    ]);
    // Nothing left to drop the second time.
    expect(await dropConfirmedOriginals(db, { olderThanDays: 90, now: NOW })).toEqual({ count: 0, bytes: 0 });
  });

  it('never drops bytes still awaiting upload, however old', async () => {
    const { waiting } = await threePhotos();
    await dropConfirmedOriginals(db, { olderThanDays: 30, now: new Date('2030-01-01T00:00:00Z') });
    expect((await readAttachmentBytes(db, waiting.sha256))?.bytes).toEqual(waiting.bytes);
  });

  it('keeps bytes shared with a photo attached again recently', async () => {
    const first = await photo(1);
    await attach([first], '2026-01-10T09:00:00+08:00');
    // The same picture on another record today: stored once, named by two rows.
    await attach([{ ...first, id: 'aaaaaaaa-0000-4000-8000-000000000009' }], '2026-05-31T09:00:00+08:00');
    await markBytesConfirmed(db, [first.sha256]);
    expect(await dropConfirmedOriginals(db, { olderThanDays: 90, now: NOW })).toEqual({ count: 0, bytes: 0 });
    expect((await readAttachmentBytes(db, first.sha256))?.bytes).toEqual(first.bytes);
  });

  it('a dropped original is read as missing, and bytes fetched again are stored and read back', async () => {
    const { old } = await threePhotos();
    await dropConfirmedOriginals(db, { olderThanDays: 90, now: NOW });
    expect(await readAttachmentBytes(db, old.sha256)).toBeNull();

    await storeFetchedBytes(db, old.sha256, old.bytes, old.mime, 'original');

    expect(await readAttachmentBytes(db, old.sha256)).toEqual({ bytes: old.bytes, mime: 'image/jpeg' });
    // Fetched bytes came from the server: nothing to upload again.
    expect((await unconfirmedUploads(db)).map((u) => u.sha256)).not.toContain(old.sha256);
  });
});

describe('attachmentStorageUsage', () => {
  it('counts originals, thumbnails and what awaits upload, and moves as originals go and come back', async () => {
    const { old, waiting, recent } = await threePhotos();
    const len = async (shas: string[]): Promise<number> => (await Promise.all(shas.map(sealedLength))).reduce((a, b) => a + b, 0);
    const originalsBytes = await len([old.sha256, waiting.sha256, recent.sha256]);
    const thumbsBytes = await len([old.thumb!.sha256, waiting.thumb!.sha256, recent.thumb!.sha256]);
    const waitingBytes = await len([waiting.sha256, waiting.thumb!.sha256]);
    const oldBytes = await len([old.sha256]);
    const retention = { olderThanDays: 90, now: NOW };

    expect(await attachmentStorageUsage(db, retention)).toEqual({
      originals: { count: 3, bytes: originalsBytes },
      thumbnails: { count: 3, bytes: thumbsBytes },
      awaitingUpload: { count: 2, bytes: waitingBytes },
      droppable: { count: 1, bytes: oldBytes },
    });
    // Without a period, nothing is droppable.
    expect((await attachmentStorageUsage(db)).droppable).toEqual({ count: 0, bytes: 0 });

    await dropConfirmedOriginals(db, retention);
    expect(await attachmentStorageUsage(db, retention)).toEqual({
      originals: { count: 2, bytes: originalsBytes - oldBytes },
      thumbnails: { count: 3, bytes: thumbsBytes },
      awaitingUpload: { count: 2, bytes: waitingBytes },
      droppable: { count: 0, bytes: 0 },
    });

    await storeFetchedBytes(db, old.sha256, old.bytes, old.mime, 'original');
    const back = await attachmentStorageUsage(db, retention);
    expect(back.originals.count).toBe(3);
    expect(back.droppable.count).toBe(1);
  });
});

describe('applyOriginalsRetention', () => {
  it('keeps every original by default, and drops by the period once one is chosen', async () => {
    const { old } = await threePhotos();
    expect(await readKeepOriginalsDays(db)).toBeNull();
    expect(await applyOriginalsRetention(db, NOW)).toEqual({ count: 0, bytes: 0 });
    expect(await readAttachmentBytes(db, old.sha256)).not.toBeNull();

    await writeKeepOriginalsDays(db, 180);
    expect(await readKeepOriginalsDays(db)).toBe(180);
    // January is less than 180 days before June: still kept.
    expect(await applyOriginalsRetention(db, NOW)).toEqual({ count: 0, bytes: 0 });

    await writeKeepOriginalsDays(db, 90);
    expect((await applyOriginalsRetention(db, NOW)).count).toBe(1);
    expect(await readAttachmentBytes(db, old.sha256)).toBeNull();
  });

  it('going back to "always keep" stops the dropping', async () => {
    const { old } = await threePhotos();
    await writeKeepOriginalsDays(db, 30);
    await writeKeepOriginalsDays(db, null);
    expect(await applyOriginalsRetention(db, NOW)).toEqual({ count: 0, bytes: 0 });
    expect(await readAttachmentBytes(db, old.sha256)).not.toBeNull();
  });
});
