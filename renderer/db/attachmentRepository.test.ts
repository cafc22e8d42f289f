import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreparedAttachment } from '../../shared/attachments/prepared';
import {
  addRecipientAttachments,
  addRecordAttachments,
  markBytesConfirmed,
  unconfirmedUploads,
  withdrawAttachment,
} from './attachmentRepository';
import { attachmentsOf, attachmentsOfRecipient, readAttachmentBytes } from './queries/attachments';
import type { YoufuDb } from './database';
import { createRecipient } from './recipientRepository';
import type { EntityInput } from './repository';
import { newTestDb, recipientInput, requestInput, testContext, type TestContext, visitInput } from './testFixtures';
import { logVisit } from './visitRepository';
import { addAid, voidAid } from './aidRepository';
import { createRequest } from './requestRepository';

const R1 = '11111111-0000-4000-8000-000000000001';
const V1 = 'bbbbbbbb-0000-4000-8000-000000000001';
const base = { recipientId: R1, stationCode: '440304001001' };
const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
/** A stand-in content address: the repository stores what it is given and does not hash. */
let serial = 0;
const sha = (b: Uint8Array): string => {
  serial += 1;
  return (serial.toString(16) + b.length.toString(16)).padStart(64, '0');
};
const contains = (haystack: Uint8Array, needle: Uint8Array): boolean =>
  haystack.some((_, i) => needle.every((byte, k) => haystack[i + k] === byte));

/** A JPEG-looking file (its magic number first) with a thumbnail. */
function photo(n: number, bytes: Uint8Array = Uint8Array.from([0xff, 0xd8, 0xff, ...randomBytes(5000)])): PreparedAttachment {
  const thumb = Uint8Array.from([0xff, 0xd8, 0xff, ...randomBytes(500)]);
  return {
    id: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
    kind: 'visit_photo',
    mime: 'image/jpeg',
    bytes,
    sha256: sha(bytes),
    width: 1600,
    height: 1200,
    thumb: { bytes: thumb, sha256: sha(thumb) },
    fileName: `门口${n}.jpg`,
    caption: '',
  };
}

const visit = (): EntityInput<'visits'> => visitInput(V1, base.recipientId, base.stationCode, { notes: '' });

let db: YoufuDb;
let ctx: TestContext;
beforeEach(async () => {
  db = newTestDb();
  ctx = testContext(db);
  const created = await createRecipient(ctx, recipientInput(R1));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
});
afterEach(async () => {
  await db.delete();
});

/** Every byte string IndexedDB holds for the table's rows, as stored. */
async function storedBytes(): Promise<Uint8Array[]> {
  const rows = [...(await db.attachmentBlobs.toArray()), ...(await db.attachments.toArray()), ...(await db.outbox.toArray())];
  return rows.flatMap((r) => Object.values(r).filter((v): v is Uint8Array => v instanceof Uint8Array));
}

describe('attachments saved with a visit', () => {
  it('stores the rows, the outbox entries and the sealed bytes in the visit’s transaction, and reads them back', async () => {
    const files = [photo(1), photo(2)];
    const logged = await logVisit(ctx, {
      visit: visit(),
      aid: [],
      needs: [],
      occurrenceId: null,
      attachments: files.map((file) => ({ file })),
    });
    expect(logged.ok).toBe(true);
    const rows = await attachmentsOf(db, { table: 'visits', id: V1 });
    expect(rows.map((r) => [r.fileName, r.ownerTable, r.ownerId, r.sha256, r.size])).toEqual(
      files.map((f) => [f.fileName, 'visits', V1, f.sha256, f.bytes.length]),
    );
    expect((await attachmentsOfRecipient(db, R1)).map((r) => r.id).sort()).toEqual(files.map((f) => f.id).sort());
    const outbox = (await db.outbox.toArray()).filter((e) => e.table === 'attachments');
    expect(outbox.map((e) => e.rowId).sort()).toEqual(files.map((f) => f.id).sort());
    for (const f of files) {
      expect(await readAttachmentBytes(db, f.sha256)).toEqual({ bytes: f.bytes, mime: 'image/jpeg' });
      expect((await readAttachmentBytes(db, f.thumb!.sha256))?.bytes).toEqual(f.thumb!.bytes);
    }
    // Nothing goes up before the rows are on the server; then four parts, none confirmed yet.
    expect(await unconfirmedUploads(db)).toHaveLength(0);
    await db.outbox.clear();
    expect(await unconfirmedUploads(db)).toHaveLength(4);
    await markBytesConfirmed(db, [files[0]!.sha256, files[0]!.thumb!.sha256]);
    expect((await unconfirmedUploads(db)).map((u) => u.attachmentId)).toEqual([files[1]!.id, files[1]!.id]);
  });

  it('keeps no image bytes in clear: no JPEG magic number, no file name in any stored value', async () => {
    await logVisit(ctx, { visit: visit(), aid: [], needs: [], occurrenceId: null, attachments: [{ file: photo(1) }] });
    const stored = await storedBytes();
    expect(stored.length).toBeGreaterThan(2);
    for (const b of stored) {
      expect([b[0], b[1], b[2]]).not.toEqual([0xff, 0xd8, 0xff]);
      expect(contains(b, new TextEncoder().encode('门口1.jpg'))).toBe(false);
    }
    const clear = JSON.stringify(await db.attachments.toArray());
    expect(clear).not.toContain('门口1.jpg');
    expect(clear).not.toContain('visit_photo');
  });

  it('stores the same bytes once when two photos are the same picture', async () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, ...randomBytes(3000)]);
    const a = photo(1, bytes);
    const b = { ...photo(2, bytes), sha256: a.sha256, thumb: a.thumb };
    await logVisit(ctx, { visit: visit(), aid: [], needs: [], occurrenceId: null, attachments: [{ file: a }, { file: b }] });
    expect(await db.attachments.count()).toBe(2);
    expect(await db.attachmentBlobs.count()).toBe(2);
  });

  it('writes nothing when an attachment is invalid: not the visit, not the other photos', async () => {
    const bad = { ...photo(2), mime: 'image/gif' } as unknown as PreparedAttachment;
    const logged = await logVisit(ctx, {
      visit: visit(),
      aid: [],
      needs: [],
      occurrenceId: null,
      attachments: [{ file: photo(1) }, { file: bad }],
    });
    expect(logged).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    if (!logged.ok && logged.error.code === 'validation_failed') {
      expect(logged.error.issues).toContainEqual(
        expect.objectContaining({ path: ['attachments', 1, 'mime'], code: 'attachment_type_refused' }),
      );
    }
    expect(await db.visits.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
  });

  it('puts a signed receipt on the aid line it names', async () => {
    const receipt = { ...photo(3), kind: 'receipt' as const };
    const aidId = 'cccccccc-0000-4000-8000-000000000001';
    const logged = await logVisit(ctx, {
      visit: visit(),
      aid: [
        {
          ...base,
          id: aidId,
          date: '2026-03-02',
          kind: 'cash',
          amountFen: 50000,
          quantity: null,
          item: null,
          fundSource: 'city_foundation',
          approvedBy: '王主任',
          visitId: null,
          acknowledged: true,
          voided: false,
          voidReason: null,
        },
      ],
      needs: [],
      occurrenceId: null,
      attachments: [{ file: photo(1) }, { file: receipt, aidIndex: 0 }],
    });
    expect(logged.ok).toBe(true);
    expect((await attachmentsOf(db, { table: 'aid', id: aidId })).map((a) => a.kind)).toEqual(['receipt']);
    expect((await attachmentsOf(db, { table: 'visits', id: V1 })).map((a) => a.kind)).toEqual(['visit_photo']);
  });
});

describe('a person’s documents (资料)', () => {
  it('adds documents to the profile in one write, and withdraws a wrong one with a reason, never deleting it', async () => {
    const cert = { ...photo(5), kind: 'certificate' as const };
    const added = await addRecipientAttachments(ctx, { id: R1 }, [cert, { ...photo(6), kind: 'id_card' as const }]);
    expect(added.ok).toBe(true);
    expect((await attachmentsOfRecipient(db, R1)).map((a) => a.kind).sort()).toEqual(['certificate', 'id_card']);
    expect((await readAttachmentBytes(db, cert.sha256))?.bytes).toEqual(cert.bytes);

    expect(await withdrawAttachment(ctx, cert.id, '  ')).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const withdrawn = await withdrawAttachment(ctx, cert.id, '拍错了人');
    expect(withdrawn).toMatchObject({ ok: true, value: { withdrawn: true, withdrawReason: '拍错了人' } });
    expect(await withdrawAttachment(ctx, cert.id, '再撤一次')).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    // Still there, withdrawn; its bytes kept.
    expect((await attachmentsOfRecipient(db, R1)).find((a) => a.id === cert.id)).toMatchObject({ withdrawn: true });
    const edits = (await db.outbox.toArray()).filter((e) => e.rowId === cert.id);
    expect(edits).toHaveLength(2);
  });
});

describe('attachments added to a saved record', () => {
  const A1 = 'cccccccc-0000-4000-8000-000000000001';
  const Q1 = 'dddddddd-0000-4000-8000-000000000001';
  const aid: EntityInput<'aid'> = {
    ...base,
    id: A1,
    date: '2026-03-02',
    kind: 'cash',
    amountFen: 50000,
    quantity: null,
    item: '',
    fundSource: 'city_foundation',
    approvedBy: '',
    visitId: null,
    acknowledged: false,
    voided: false,
    voidReason: null,
  };
  const receipt = (n: number): PreparedAttachment => ({ ...photo(n), kind: 'receipt' });

  it('signs an aid line for later: the receipt photo and 已签收 in one write', async () => {
    expect((await addAid(ctx, aid)).ok).toBe(true);
    const added = await addRecordAttachments(ctx, { table: 'aid', id: A1 }, [receipt(1)], { acknowledge: true });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    const [row] = await attachmentsOf(db, { table: 'aid', id: A1 });
    expect(row).toMatchObject({ kind: 'receipt', recipientId: R1, stationCode: base.stationCode, ownerTable: 'aid' });
    expect((await db.codec.decode('aid', (await db.aid.get(A1))!)).acknowledged).toBe(true);
    // The change goes out with the next push (the outbox holds it sealed: acknowledged is sensitive).
    const outbox = await Promise.all((await db.outbox.toArray()).map((e) => db.codec.openOutbox(e)));
    expect(outbox.some((e) => e.table === 'aid' && e.rowId === A1 && e.fields.acknowledged === true)).toBe(true);
  });

  it('refuses a voided aid line and a 21st attachment, writing nothing', async () => {
    expect((await addAid(ctx, aid)).ok).toBe(true);
    expect((await voidAid(ctx, A1, '金额录错')).ok).toBe(true);
    const before = await db.outbox.count();
    expect(await addRecordAttachments(ctx, { table: 'aid', id: A1 }, [receipt(1)], { acknowledge: true })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', issues: [{ code: 'attachment_owner_voided' }] },
    });
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);

    const request = await createRequest(ctx, requestInput(Q1, base.recipientId, base.stationCode));
    expect(request.ok).toBe(true);
    const twenty = Array.from({ length: 20 }, (_, i) => ({
      ...photo(0),
      id: `aaaaaaaa-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
    }));
    expect((await addRecordAttachments(ctx, { table: 'requests', id: Q1 }, twenty)).ok).toBe(true);
    const rows = await attachmentsOf(db, { table: 'requests', id: Q1 });
    expect(rows).toHaveLength(20);
    expect(await addRecordAttachments(ctx, { table: 'requests', id: Q1 }, [photo(7)])).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', issues: [{ code: 'attachment_too_many' }] },
    });
    expect(await attachmentsOf(db, { table: 'requests', id: Q1 })).toHaveLength(20);
    expect(await addRecordAttachments(ctx, { table: 'requests', id: 'dddddddd-0000-4000-8000-00000000ffff' }, [photo(8)])).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
