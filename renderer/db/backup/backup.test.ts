import { afterEach, describe, expect, it } from 'vitest';
import { type BackupResult } from '../../../shared/backup/errors';
import type { YoufuDb } from '../database';
import { ensureClientId, upsertRows } from '../repository';
import { newTestDb, recipientInput, testContext, makeIdNumber } from '../testFixtures';
import { exportBackup, readBackupSnapshot } from './exportBackup';
import { encodeBackup } from '../../../shared/backup/format';
import { restoreBackup } from './restoreBackup';
import { BACKUP_TABLES, rowsForBackup } from './tables';
import { sha256Hex, toBase64 } from '../../../shared/cipher/aesGcm';
import { readAttachmentBytes } from '../queries/attachments';
import { unconfirmedUploads } from '../attachmentRepository';

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const PASSWORD = 'backup-pass-123';
const ACCOUNT = 'u1';
const opened: YoufuDb[] = [];

function db(name?: string): YoufuDb {
  const d = name ? newTestDbNamed(name) : newTestDb();
  opened.push(d);
  return d;
}

function newTestDbNamed(name: string): YoufuDb {
  const d = newTestDb();
  // A database named like a real account's, in its own in-memory IndexedDB.
  Object.defineProperty(d, 'name', { value: name });
  return d;
}

afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

function value<T>(r: BackupResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail ?? ''}`);
  return r.value;
}

async function seed(d: YoufuDb): Promise<void> {
  const ctx = testContext(d);
  await d.stations.bulkPut([
    { code: '4403', name: '深圳市', level: 'city', parentCode: null },
    { code: '440304', name: '福田区', level: 'district', parentCode: '4403' },
  ]);
  const ids = ['a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000003'];
  const written = await upsertRows(
    ctx,
    'recipients',
    ids.map((id, i) => recipientInput(id, { idNumber: makeIdNumber('19400315', `12${i}`), name: `张三${i}` })),
  );
  expect(written.ok, JSON.stringify(written)).toBe(true);
  await ensureClientId(d, () => 'c1000000-0000-4000-8000-000000000001');
  await d.syncState.put({ key: 'cursor', value: 42 });
  await d.conflicts.add({
    table: 'recipients',
    rowId: ids[0]!,
    field: 'address',
    loserValue: '旧地址',
    winnerValue: '新地址',
    winner: 'server',
    mutationId: 'm1',
    at: '2026-03-02T01:00:00.000Z',
  });
}

/**
 * What the database holds, read back through its own keys (sealed bytes differ on every write:
 * random IVs), so two databases under different keys compare by content.
 */
async function dump(d: YoufuDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await rowsForBackup(d, t, await d.table(t).toArray());
  return out;
}

async function backupOf(d: YoufuDb): Promise<Uint8Array> {
  return value(await exportBackup(d, PASSWORD, { accountId: ACCOUNT, serverId: 's1' }));
}

/** The dump without the device's client id, which a restore replaces on purpose. */
function withoutClientId(d: Record<string, unknown[]>): Record<string, unknown[]> {
  return { ...d, syncState: (d.syncState ?? []).filter((e) => (e as { key: string }).key !== 'clientId') };
}

function clientIdOf(d: Record<string, unknown[]>): unknown {
  return (d.syncState ?? []).find((e) => (e as { key: string }).key === 'clientId');
}

const ATTACHMENT = 'f1000000-0000-4000-8000-000000000001';
const UNSENT = 'f1000000-0000-4000-8000-000000000002';

/** Bytes that look like a JPEG, different per label. */
const jpeg = (label: string, size: number): Uint8Array => {
  const b = new Uint8Array(size);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  b.set(new TextEncoder().encode(label), 4);
  return b;
};

const bytesOf = {
  sent: jpeg('sent original', 1234),
  sentThumb: jpeg('sent thumb', 300),
  unsent: jpeg('unsent original', 2000),
  unsentThumb: jpeg('unsent thumb', 310),
};
const hashes = Object.fromEntries(
  await Promise.all(Object.entries(bytesOf).map(async ([k, v]) => [k, await sha256Hex(v)] as const)),
) as Record<keyof typeof bytesOf, string>;

/**
 * Two photos of a certificate: one whose bytes the server confirmed, one taken since and not
 * uploaded yet (its original is the only copy there is).
 */
async function seedAttachment(d: YoufuDb): Promise<void> {
  const row = (id: string, original: keyof typeof bytesOf, thumb: keyof typeof bytesOf) => ({
    id,
    recipientId: 'a1000000-0000-4000-8000-000000000001',
    stationCode: '440304001001',
    ownerTable: 'recipients' as const,
    ownerId: 'a1000000-0000-4000-8000-000000000001',
    kind: 'certificate' as const,
    mime: 'image/jpeg' as const,
    sha256: hashes[original],
    size: bytesOf[original].length,
    width: 800,
    height: 600,
    thumbSha256: hashes[thumb],
    thumbSize: bytesOf[thumb].length,
    fileName: '证书.jpg',
    caption: '',
    createdBy: 'e1000000-0000-4000-8000-000000000001',
    createdAt: '2026-11-28T09:00:00+08:00',
    withdrawn: false,
    withdrawReason: null,
  });
  // Ids of their own: the seed's context already used the sequence's first ones.
  const written = await upsertRows({ ...testContext(d), newId: () => crypto.randomUUID() }, 'attachments', [
    row(ATTACHMENT, 'sent', 'sentThumb'),
    row(UNSENT, 'unsent', 'unsentThumb'),
  ]);
  expect(written.ok, JSON.stringify(written)).toBe(true);
  for (const [key, bytes] of Object.entries(bytesOf) as [keyof typeof bytesOf, Uint8Array][]) {
    await d.attachmentBlobs.put({
      sha256: hashes[key],
      sealed: await d.codec.sealBlob(hashes[key], bytes),
      size: bytes.length,
      mime: 'image/jpeg',
      part: key.endsWith('Thumb') ? 'thumb' : 'original',
      storedAt: '2026-11-28T01:00:00.000Z',
      confirmedAt: key.startsWith('sent') ? '2026-11-28T02:00:00.000Z' : null,
    });
  }
}

describe('backup and restore', () => {
  it('carries attachment rows, every thumbnail and the originals not yet on the server; checks their hashes on restore', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    await seedAttachment(source);
    const bytes = await backupOf(source);
    const fresh = db('station-s1-u1');
    const counts = value(await restoreBackup(fresh, bytes, PASSWORD, { accountId: ACCOUNT }));
    expect(counts).toMatchObject({ attachments: 2, attachmentBlobs: 3 });
    expect((await fresh.attachments.toArray()).map((a) => a.id).sort()).toEqual([ATTACHMENT, UNSENT]);
    expect((await rowsForBackup(fresh, 'attachments', await fresh.attachments.toArray()))[0]).toMatchObject({ fileName: '证书.jpg' });
    // The unsent photo and both thumbnails open under the new database's keys; the sent original
    // is left to come down from the server again.
    expect((await readAttachmentBytes(fresh, hashes.unsent))?.bytes).toEqual(bytesOf.unsent);
    expect((await readAttachmentBytes(fresh, hashes.sentThumb))?.bytes).toEqual(bytesOf.sentThumb);
    expect((await readAttachmentBytes(fresh, hashes.unsentThumb))?.bytes).toEqual(bytesOf.unsentThumb);
    expect(await readAttachmentBytes(fresh, hashes.sent)).toBeNull();
    // Still waiting to go up from the restored computer (once its rows are pushed); the sent
    // thumbnail stays confirmed.
    expect((await fresh.attachmentBlobs.get(hashes.unsent))?.confirmedAt).toBeNull();
    expect((await fresh.attachmentBlobs.get(hashes.sentThumb))?.confirmedAt).toBe('2026-11-28T02:00:00.000Z');
    await fresh.outbox.clear();
    expect((await unconfirmedUploads(fresh)).map((u) => u.sha256).sort()).toEqual([hashes.unsent, hashes.unsentThumb].sort());
    // No clear photo bytes in the file on disk.
    expect(indexOfBytes(bytes, bytesOf.unsent.subarray(0, 20))).toBe(-1);
  });

  it('refuses a backup whose photo bytes do not match their hash, and changes nothing', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    await seedAttachment(source);
    const snapshot = await readBackupSnapshot(source, { accountId: ACCOUNT, serverId: 's1' });
    const blobs = snapshot.tables.attachmentBlobs as { sha256: string; base64: string }[];
    const unsent = blobs.find((b) => b.sha256 === hashes.unsent)!;
    const altered = new Uint8Array(bytesOf.unsent);
    altered[100] = 7;
    unsent.base64 = toBase64(altered);
    const file = value(await encodeBackup(snapshot.meta, snapshot.tableOrder, snapshot.tables, PASSWORD));
    const target = db('station-s1-u1');
    await seed(target);
    const before = await dump(target);
    expect(await restoreBackup(target, file, PASSWORD, { accountId: ACCOUNT })).toMatchObject({
      ok: false,
      error: { code: 'backup_attachment_mismatch' },
    });
    expect(await dump(target)).toEqual(before);
  });

  it('keeps originals this computer has when restoring over it, and drops bytes no restored attachment names', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    await seedAttachment(source);
    const file = await backupOf(source);
    const stray = jpeg('no row names me', 500);
    const straySha = await sha256Hex(stray);
    await source.attachmentBlobs.put({
      sha256: straySha,
      sealed: await source.codec.sealBlob(straySha, stray),
      size: stray.length,
      mime: 'image/jpeg',
      part: 'original',
      storedAt: '2026-11-28T01:00:00.000Z',
      confirmedAt: null,
    });
    value(await restoreBackup(source, file, PASSWORD, { accountId: ACCOUNT }));
    expect((await readAttachmentBytes(source, hashes.sent))?.bytes).toEqual(bytesOf.sent);
    expect(await readAttachmentBytes(source, straySha)).toBeNull();
  });

  it('restores a backup written before attachment bytes were carried (schema 5, rows only)', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    await seedAttachment(source);
    const snapshot = await readBackupSnapshot(source, { accountId: ACCOUNT, serverId: 's1' });
    const { attachmentBlobs: _dropped, ...rowsOnly } = snapshot.tables;
    const older = value(
      await encodeBackup(
        snapshot.meta,
        snapshot.tableOrder.filter((t) => t !== 'attachmentBlobs'),
        rowsOnly,
        PASSWORD,
      ),
    );
    const fresh = db('station-s1-u1');
    expect(value(await restoreBackup(fresh, older, PASSWORD, { accountId: ACCOUNT }))).toMatchObject({
      attachments: 2,
      attachmentBlobs: 0,
    });
    expect(await fresh.attachmentBlobs.count()).toBe(0);
  });

  it('restores a backup written before attachments existed (schema 4, no attachments table) into this version', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    const snapshot = await readBackupSnapshot(source, { accountId: ACCOUNT, serverId: 's1' });
    const { attachments: _dropped, attachmentBlobs: _bytes, ...olderTables } = snapshot.tables;
    const older = value(
      await encodeBackup(
        { ...snapshot.meta, schemaVersion: 4 },
        snapshot.tableOrder.filter((t) => t !== 'attachments' && t !== 'attachmentBlobs'),
        olderTables,
        PASSWORD,
      ),
    );
    const fresh = db('station-s1-u1');
    const counts = value(await restoreBackup(fresh, older, PASSWORD, { accountId: ACCOUNT }));
    expect(counts).toMatchObject({ recipients: 3, attachments: 0 });
    // One from a newer version than this one is refused.
    const newer = value(
      await encodeBackup({ ...snapshot.meta, schemaVersion: fresh.verno + 1 }, snapshot.tableOrder, snapshot.tables, PASSWORD),
    );
    expect(await restoreBackup(db('station-s1-u1'), newer, PASSWORD, { accountId: ACCOUNT })).toMatchObject({
      ok: false,
      error: { code: 'backup_schema_unsupported' },
    });
  });

  it('round-trips every table: rows, outbox with its seqs, syncState, conflicts, audit', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    const before = await dump(source);
    expect(before.outbox).toHaveLength(3);
    expect(before.conflicts).toHaveLength(1);
    const bytes = await backupOf(source);

    // Change everything, then restore over it.
    await source.recipients.clear();
    await source.outbox.clear();
    await source.syncState.put({ key: 'cursor', value: 99 });
    const counts = value(await restoreBackup(source, bytes, PASSWORD, { accountId: ACCOUNT }));
    expect(counts).toMatchObject({ recipients: 3, outbox: 3, conflicts: 1, stations: 2 });
    const after = await dump(source);
    expect(withoutClientId(after)).toEqual(withoutClientId(before));
    // A restored database pushes as a new device, so its seqs never collide with the original's.
    expect(clientIdOf(after)).toBeDefined();
    expect(clientIdOf(after)).not.toEqual(clientIdOf(before));
  });

  it('restores into a fresh database, and new outbox seqs continue after the old ones', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    // Everything was pushed: the outbox is empty but seqs 1–3 are used.
    await source.outbox.clear();
    const before = await dump(source);
    const bytes = await backupOf(source);

    const fresh = db('station-s1-u1');
    value(await restoreBackup(fresh, bytes, PASSWORD, { accountId: ACCOUNT }));
    expect(withoutClientId(await dump(fresh))).toEqual(withoutClientId(before));
    const ctx = testContext(fresh);
    ctx.newId = () => 'b2000000-0000-4000-8000-000000000009';
    expect((await upsertRows(ctx, 'recipients', [recipientInput('b2000000-0000-4000-8000-000000000001')])).ok).toBe(true);
    const [entry] = await fresh.outbox.toArray();
    expect(entry!.seq).toBeGreaterThan(3);
  });

  it('restores into a differently named database of the same account only when allowed and empty', async () => {
    const source = db('station-s1-u1');
    await seed(source);
    const bytes = await backupOf(source);
    const other = db('station-s2-u1');
    expect(await restoreBackup(other, bytes, PASSWORD, { accountId: ACCOUNT })).toMatchObject({
      ok: false,
      error: { code: 'backup_foreign' },
    });
    await other.syncState.put({ key: 'x', value: 1 });
    expect(await restoreBackup(other, bytes, PASSWORD, { accountId: ACCOUNT, allowSameAccountFreshProfile: true })).toMatchObject({
      ok: false,
      error: { code: 'backup_target_not_empty' },
    });
    await other.syncState.clear();
    value(await restoreBackup(other, bytes, PASSWORD, { accountId: ACCOUNT, allowSameAccountFreshProfile: true }));
    expect(await other.recipients.count()).toBe(3);
  });

  describe('refusals leave the database untouched', () => {
    async function setup(): Promise<{ target: YoufuDb; bytes: Uint8Array; before: Record<string, unknown[]> }> {
      const source = db('station-s1-u1');
      await seed(source);
      const bytes = await backupOf(source);
      const target = db('station-s1-u1');
      await target.stations.put({ code: '4403', name: '原有数据', level: 'city', parentCode: null });
      await target.syncState.put({ key: 'cursor', value: 7 });
      return { target, bytes, before: await dump(target) };
    }

    it('wrong password', async () => {
      const { target, bytes, before } = await setup();
      expect(await restoreBackup(target, bytes, 'not-the-password', { accountId: ACCOUNT })).toMatchObject({
        ok: false,
        error: { code: 'backup_damaged_or_wrong_password' },
      });
      expect(await dump(target)).toEqual(before);
    });

    it('a flipped byte', async () => {
      const { target, bytes, before } = await setup();
      const damaged = bytes.slice();
      const at = Math.floor(bytes.length * 0.75);
      damaged[at] = damaged[at]! ^ 0x80;
      expect(await restoreBackup(target, damaged, PASSWORD, { accountId: ACCOUNT })).toMatchObject({
        ok: false,
        error: { code: 'backup_damaged_or_wrong_password' },
      });
      expect(await dump(target)).toEqual(before);
    });

    it('a truncated file', async () => {
      const { target, bytes, before } = await setup();
      expect(await restoreBackup(target, bytes.slice(0, bytes.length - 100), PASSWORD, { accountId: ACCOUNT })).toMatchObject({
        ok: false,
        error: { code: 'backup_damaged_or_wrong_password' },
      });
      expect(await dump(target)).toEqual(before);
    });

    it("another account's file", async () => {
      const { target, before } = await setup();
      const foreign = db('station-s1-u2');
      await seed(foreign);
      const bytes = value(await exportBackup(foreign, PASSWORD, { accountId: 'u2', serverId: 's1' }));
      expect(await restoreBackup(target, bytes, PASSWORD, { accountId: ACCOUNT })).toMatchObject({
        ok: false,
        error: { code: 'backup_foreign' },
      });
      expect(await restoreBackup(target, bytes, PASSWORD, { accountId: ACCOUNT, allowSameAccountFreshProfile: true })).toMatchObject({
        ok: false,
        error: { code: 'backup_foreign' },
      });
      expect(await dump(target)).toEqual(before);
    });

    it('a failure in the middle of writing rolls everything back', async () => {
      const { target, bytes, before } = await setup();
      // auditLocal is written after the entity tables, the outbox and syncState have been replaced.
      target.auditLocal.hook('creating', () => {
        throw new Error('injected write failure');
      });
      const r = await restoreBackup(target, bytes, PASSWORD, { accountId: ACCOUNT });
      expect(r).toMatchObject({ ok: false, error: { code: 'backup_restore_failed' } });
      expect(await dump(target)).toEqual(before);
    });
  });
});
