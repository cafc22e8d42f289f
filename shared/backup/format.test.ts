import { describe, expect, it } from 'vitest';
import { MESSAGES, translateError } from '../i18n/messages';
import { BACKUP_ERROR_CODES } from './errors';
import { encodeBackup, parseBackup, readBackupHeader } from './format';
import { type BackupMeta, MIN_PBKDF2_ITERATIONS } from './header';
import { utf8Encode } from '../cipher/aesGcm';

/** Bytes as Latin-1-ish text, enough to look for ASCII in binary. */
const utf8Lenient = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

const meta: BackupMeta = {
  schemaVersion: 1,
  databaseName: 'station-s1-u1',
  accountId: 'u1',
  serverId: 's1',
  createdAt: '2026-03-02T09:00:00.000Z',
  outboxSeqFloor: 7,
};
const order = ['people', 'notes', 'empty'];
const tables = {
  people: [
    { id: 'p1', name: '张三丰', n: 1 },
    { id: 'p2', name: 'Line\nbreak "quoted"', n: 2.5 },
  ],
  notes: [{ seq: 3, fields: { a: null, b: [1, 2] } }],
  empty: [],
};
const expected = { databaseName: 'station-s1-u1', accountId: 'u1' };
const PASSWORD = 'correct horse 8';

async function encode(password = PASSWORD, m: BackupMeta = meta): Promise<Uint8Array> {
  const r = await encodeBackup(m, order, tables, password);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('backup format', () => {
  it('round-trips every table and row, and reports the header', async () => {
    const bytes = await encode();
    const parsed = await parseBackup(bytes, PASSWORD, { expected });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.tables).toEqual(tables);
    expect(parsed.value.header).toMatchObject({
      ...meta,
      magic: 'YOUFU-BACKUP',
      formatVersion: 1,
      counts: { people: 2, notes: 1, empty: 0 },
    });
    expect(parsed.value.header.kdf.iterations).toBeGreaterThanOrEqual(MIN_PBKDF2_ITERATIONS);
  });

  it('does not contain the plaintext rows', async () => {
    const text = utf8Lenient(await encode());
    expect(text).toContain('YOUFU-BACKUP');
    expect(text).not.toContain('quoted');
    expect(text).not.toContain('"p1"');
  });

  it('uses a fresh salt and IV every time', async () => {
    const a = readBackupHeader(await encode());
    const b = readBackupHeader(await encode());
    if (!a.ok || !b.ok) throw new Error('header');
    expect(a.value.header.kdf.salt).not.toBe(b.value.header.kdf.salt);
    expect(a.value.header.cipher.iv).not.toBe(b.value.header.cipher.iv);
  });

  it('refuses a wrong password', async () => {
    const r = await parseBackup(await encode(), 'wrong password', { expected });
    expect(r).toMatchObject({ ok: false, error: { code: 'backup_damaged_or_wrong_password' } });
  });

  it('refuses a flipped byte in the header, the ciphertext or the tag, and a truncated file', async () => {
    const bytes = await encode();
    const headerText = utf8Lenient(bytes.subarray(0, 400));
    const inHeader = headerText.indexOf('"people":2') + 10;
    for (const at of [inHeader, 16 + 3, bytes.length - 40, bytes.length - 1]) {
      const damaged = bytes.slice();
      damaged[at] = damaged[at]! ^ 0x01;
      const r = await parseBackup(damaged, PASSWORD, { expected });
      expect(r, `byte ${at}`).toMatchObject({ ok: false, error: { code: 'backup_damaged_or_wrong_password' } });
    }
    for (const length of [bytes.length - 1, bytes.length - 17, 40, 14]) {
      const r = await parseBackup(bytes.slice(0, length), PASSWORD, { expected });
      expect(r, `length ${length}`).toMatchObject({ ok: false, error: { code: 'backup_damaged_or_wrong_password' } });
    }
  });

  it('refuses a file that is not a backup', async () => {
    const r = await parseBackup(utf8Encode('PK\u0003\u0004 some zip file'), PASSWORD, { expected });
    expect(r).toMatchObject({ ok: false, error: { code: 'backup_not_a_backup' } });
  });

  it("refuses another account's or database's backup unless allowed for the same account", async () => {
    const other = await encode(PASSWORD, { ...meta, databaseName: 'station-s1-u2', accountId: 'u2' });
    expect(await parseBackup(other, PASSWORD, { expected })).toMatchObject({ ok: false, error: { code: 'backup_foreign' } });
    expect(await parseBackup(other, PASSWORD, { expected, allowSameAccountFreshProfile: true })).toMatchObject({
      ok: false,
      error: { code: 'backup_foreign' },
    });
    const otherServer = await encode(PASSWORD, { ...meta, databaseName: 'station-s2-u1', serverId: 's2' });
    expect(await parseBackup(otherServer, PASSWORD, { expected })).toMatchObject({ ok: false, error: { code: 'backup_foreign' } });
    expect((await parseBackup(otherServer, PASSWORD, { expected, allowSameAccountFreshProfile: true })).ok).toBe(true);
  });

  it('refuses a short backup password when exporting', async () => {
    expect(await encodeBackup(meta, order, tables, 'short')).toMatchObject({ ok: false, error: { code: 'backup_password_too_short' } });
  });

  it('has a zh-CN and an English message for every backup error code', () => {
    for (const code of BACKUP_ERROR_CODES) {
      expect(translateError('zh', code)).not.toBe(MESSAGES.zh['error.unknown']);
      expect(translateError('en', code)).not.toBe(MESSAGES.en['error.unknown']);
    }
  });
});
