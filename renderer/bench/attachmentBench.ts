import { Dexie } from 'dexie';
import { sha256Hex } from '../../shared/cipher/aesGcm';
import type { PreparedAttachment } from '../../shared/attachments/prepared';
import { DEMO_TODAY } from '../../shared/demo';
import { modeFulfils } from '../../shared/duties';
import { generateDemoRows } from '../../shared/demo/generator';
import { generateKeyMaterial, importDatabaseKeys } from '../db/atRest/keys';
import { type YoufuDb, openYoufuDb } from '../db/database';
import { loadNdjsonRows } from '../db/demoLoader';
import type { EntityInput, RepoContext } from '../db/repository';
import { logVisit } from '../db/visitRepository';
import { type LatencySummary, summarize } from './stats';

/**
 * Issue 15's device figures, on a database of its own (a small district: the photos' cost does
 * not depend on how many recipients there are):
 * - (10) saving a visit with three photos through `logVisit`, to the saved state (the rows,
 *   outbox entries and sealed bytes committed), against `logVisit` of the same kind of visit
 *   with no photo. The photos are made ready beforehand, as the picker does while the form is
 *   filled in: random bytes behind a JPEG magic number, hashed with crypto.subtle.
 * - (11) what IndexedDB holds for those photos: the sum of the sealed lengths stored (and, for
 *   what it is worth, `navigator.storage.estimate()` usage before and after the photo visits,
 *   too coarse to quote), against their clear bytes.
 */
export interface AttachmentBenchResult {
  recipients: number;
  visits: number;
  photosPerVisit: number;
  photoBytes: number;
  thumbBytes: number;
  withPhotos: LatencySummary;
  /** The same visits with no photo, in this run. */
  withoutPhotos: LatencySummary;
  /** withPhotos p95 / withoutPhotos p95. */
  ratio: number;
  storage: {
    photos: number;
    /** Original and thumbnail bytes of those photos. */
    clearBytes: number;
    /** Growth of the origin's usage across the photo visits (their visit rows, outbox and audit entries included). */
    estimateBytes: number;
    /** The `sealed` lengths of the stored parts (AES-GCM: a format byte, the IV and the tag on each). */
    sealedBytes: number;
  };
}

const DB_NAME = 'bench-attachments';
const RECIPIENTS = 1_000;
const PHOTO_BYTES = 300_000;
const THUMB_BYTES = 15_000;
const PHOTOS_PER_VISIT = 3;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Random bytes behind a JPEG's magic number (getRandomValues fills at most 64 KiB a call). */
function jpegLike(n: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i += 65_536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65_536)));
  bytes.set([0xff, 0xd8, 0xff], 0);
  return bytes;
}

async function preparedPhoto(i: number): Promise<PreparedAttachment> {
  const bytes = jpegLike(PHOTO_BYTES);
  const thumb = jpegLike(THUMB_BYTES);
  const [sha256, thumbSha256] = await Promise.all([sha256Hex(bytes), sha256Hex(thumb)]);
  return {
    id: crypto.randomUUID(),
    kind: 'visit_photo',
    mime: 'image/jpeg',
    bytes,
    sha256,
    width: 1600,
    height: 1200,
    thumb: { bytes: thumb, sha256: thumbSha256 },
    fileName: `走访照片${i}.jpg`,
    caption: '',
  };
}

const usage = async (): Promise<number> => (await navigator.storage.estimate()).usage ?? Number.NaN;

export async function attachmentVisitBench(opts: { visits: number; warmup: number }): Promise<AttachmentBenchResult> {
  await Dexie.delete(DB_NAME);
  const db: YoufuDb = await openYoufuDb(DB_NAME, { keys: await importDatabaseKeys(generateKeyMaterial()) });
  try {
    const rows = generateDemoRows({ recipients: RECIPIENTS, seed: 15, today: DEMO_TODAY, scopePrefix: '440304', historyMonths: 1 });
    await loadNdjsonRows(db, rows, { batchSize: 2000, validate: false });
    const staffId = (await db.staff.limit(1).first())?.id ?? crypto.randomUUID();
    const ctx: RepoContext = { db, actor: { staffId, name: 'bench' }, now: () => new Date(), newId: () => crypto.randomUUID() };

    // Each visit fulfils a pending occurrence of a duty of its own that a home visit does, as in figure 4.
    const each = opts.visits + opts.warmup;
    const seenDuties = new Set<string>();
    const pending = await db.dutyOccurrences
      .where('[status+dueDate]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .filter((o) => (seenDuties.has(o.dutyId) ? false : (seenDuties.add(o.dutyId), true)))
      .toArray();
    const duties = await db.duties.bulkGet(pending.map((o) => o.dutyId));
    const occurrences = pending
      .filter((_, i) => {
        const d = duties[i];
        return d !== undefined && modeFulfils('home', db.codec.decodeSummary('duties', d).kind);
      })
      .slice(0, 2 * each);
    if (occurrences.length < 2 * each) throw new Error(`only ${occurrences.length} pending occurrences for ${2 * each} visits`);
    const visitOf = (o: { recipientId: string; stationCode: string }): EntityInput<'visits'> => ({
      id: crypto.randomUUID(),
      recipientId: o.recipientId,
      stationCode: o.stationCode,
      visitedAt: `${DEMO_TODAY}T10:00:00+08:00`,
      mode: 'home',
      purpose: 'routine',
      festival: null,
      staffIds: [staffId],
      condition: { health: 'fair', living: 'good', mood: 'good' },
      notes: '身体尚可，门口拍照三张',
      dutyOccurrenceId: null,
      photos: [],
    });
    const save = async (o: (typeof occurrences)[number], files: PreparedAttachment[]): Promise<number> => {
      const t = performance.now();
      const r = await logVisit(ctx, {
        visit: visitOf(o),
        aid: [],
        needs: [],
        occurrenceId: o.id,
        attachments: files.map((file) => ({ file })),
      });
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(`logVisit: ${JSON.stringify(r.error)}`);
      return ms;
    };
    const threePhotos = (v: number): Promise<PreparedAttachment[]> =>
      Promise.all(Array.from({ length: PHOTOS_PER_VISIT }, (_, k) => preparedPhoto(v * PHOTOS_PER_VISIT + k)));

    // Warm-up of both kinds, then the plain visits, then the photo visits alone between the two
    // usage readings (so the growth is theirs).
    const plain = occurrences.slice(0, each);
    const withPhotos = occurrences.slice(each);
    for (let i = 0; i < opts.warmup; i++) {
      await save(plain[i]!, []);
      await save(withPhotos[i]!, await threePhotos(i));
    }
    const without: number[] = [];
    for (const o of plain.slice(opts.warmup)) without.push(await save(o, []));
    const usageBefore = await usage();
    const timed: number[] = [];
    const timedParts = new Set<string>();
    for (const [i, o] of withPhotos.slice(opts.warmup).entries()) {
      const files = await threePhotos(opts.warmup + i);
      for (const f of files) timedParts.add(f.sha256).add(f.thumb!.sha256);
      timed.push(await save(o, files));
    }
    const usageAfter = await usage();

    let sealedBytes = 0;
    let seen = 0;
    await db.attachmentBlobs.each((b) => {
      if (!timedParts.has(b.sha256)) return;
      sealedBytes += b.sealed.byteLength;
      seen++;
    });
    const photos = opts.visits * PHOTOS_PER_VISIT;
    if (seen !== 2 * photos) throw new Error(`${seen} stored parts for ${photos} photos`);
    const a = summarize(timed);
    const b = summarize(without);
    return {
      recipients: RECIPIENTS,
      visits: timed.length,
      photosPerVisit: PHOTOS_PER_VISIT,
      photoBytes: PHOTO_BYTES,
      thumbBytes: THUMB_BYTES,
      withPhotos: a,
      withoutPhotos: b,
      ratio: round2(a.p95 / b.p95),
      storage: { photos, clearBytes: photos * (PHOTO_BYTES + THUMB_BYTES), estimateBytes: usageAfter - usageBefore, sealedBytes },
    };
  } finally {
    db.close();
    await Dexie.delete(DB_NAME);
  }
}
