import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../shared/backup/format';
import { MIN_PBKDF2_ITERATIONS } from '../shared/backup/header';
import { dailyBackupFileName, dailyBackupHandlers } from './dailyBackup';
import { createIpcRegistry } from './ipc';
import { createSealedFile } from './sealedFile';
import { FakeSafeStorage } from './testing/fakeSafeStorage';
import { APP_PAGE, FakeIpcMain, MemoryLog } from './testing/fakes';

const ACCOUNT = '00000000-0000-4000-8000-00000000d003';
const PASSWORD = 'backup-pass-2026';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function meta(accountId = ACCOUNT, createdAt = '2026-11-28T01:00:00.000Z') {
  return { schemaVersion: 2, databaseName: `station-srv-${accountId}`, accountId, serverId: 'srv', createdAt, outboxSeqFloor: 7 };
}
const TABLES = {
  recipients: [{ id: 'r1', name: '张德明', idNumber: '440304195301150012' }],
  outbox: [{ seq: 7, id: 'm1', table: 'recipients', rowId: 'r1', op: 'upsert', fields: { name: '张德明' } }],
};

function setup(opts: { keychain?: boolean; keep?: number } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'youfu-daily-backup-'));
  dirs.push(root);
  const folder = path.join(root, '备份');
  mkdirSync(folder);
  const safe = new FakeSafeStorage(opts.keychain ?? true);
  let signedIn: string | null = ACCOUNT;
  let now = new Date('2026-11-28T01:00:00.000Z');
  let picked: string | null = folder;
  const ipc = new FakeIpcMain();
  createIpcRegistry({ ipcMain: ipc, log: new MemoryLog() }).handleSome(
    dailyBackupHandlers({
      configFile: path.join(root, 'userData', 'backups.json'),
      passwordFile: (id) => createSealedFile(path.join(root, 'userData', `backup-${id}.bin`), safe),
      currentAccountId: () => signedIn,
      chooseFolder: () => Promise.resolve(picked),
      now: () => now,
      log: new MemoryLog(),
      iterations: MIN_PBKDF2_ITERATIONS,
      ...(opts.keep !== undefined ? { keep: opts.keep } : {}),
    }),
  );
  const call = (channel: string, req: unknown) => ipc.invoke(channel, APP_PAGE, req) as Promise<Answer>;
  return {
    root,
    folder,
    call,
    signOut: () => {
      signedIn = null;
    },
    signInAs: (id: string) => {
      signedIn = id;
    },
    setNow: (d: string) => {
      now = new Date(d);
    },
    pick: (f: string | null) => {
      picked = f;
    },
  };
}

interface Answer {
  ok: boolean;
  value?: { file?: string };
  error?: { code: string };
}

const write = (call: ReturnType<typeof setup>['call'], m = meta()) =>
  call('backup:write', { meta: m, tableOrder: ['recipients', 'outbox'], tables: TABLES });

describe('daily backup in main', () => {
  it('is off until a folder and password are set, and then writes a backup the restore format reads with that password', async () => {
    const s = setup();
    expect(await s.call('backup:status', {})).toEqual({
      ok: true,
      value: { enabled: false, folder: null, lastAt: null, lastFile: null, lastError: null },
    });
    expect(await write(s.call)).toMatchObject({ ok: false, error: { code: 'backup_not_configured' } });

    expect(await s.call('backup:chooseFolder', {})).toEqual({ ok: true, value: { folder: s.folder } });
    expect(await s.call('backup:configure', { enabled: true, folder: s.folder, password: PASSWORD })).toMatchObject({
      ok: true,
      value: { enabled: true, folder: s.folder },
    });
    const written = await write(s.call);
    expect(written).toMatchObject({ ok: true, value: { file: dailyBackupFileName(ACCOUNT, new Date('2026-11-28T01:00:00.000Z')) } });

    const bytes = new Uint8Array(readFileSync(path.join(s.folder, written.value?.file ?? '')));
    const parsed = await parseBackup(bytes, PASSWORD, { expected: { databaseName: meta().databaseName, accountId: ACCOUNT } });
    expect(parsed.ok && parsed.value.tables).toEqual(TABLES);
    expect(parsed.ok && parsed.value.header.outboxSeqFloor).toBe(7);
    // Nothing personal or secret lies around in clear: not the data, not the password.
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('440304195301150012');
    for (const f of readdirSync(path.join(s.root, 'userData')))
      expect(readFileSync(path.join(s.root, 'userData', f), 'utf8')).not.toContain(PASSWORD);

    expect(await s.call('backup:status', {})).toMatchObject({
      ok: true,
      value: { enabled: true, lastAt: '2026-11-28T01:00:00.000Z', lastFile: written.value?.file ?? '', lastError: null },
    });
  });

  it('keeps the newest files of the account and leaves other files in the folder alone', async () => {
    const s = setup({ keep: 3 });
    writeFileSync(path.join(s.folder, '个人文件.txt'), 'keep me');
    await s.call('backup:configure', { enabled: true, folder: s.folder, password: PASSWORD });
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']) {
      s.setNow(`${day}T02:00:00.000Z`);
      expect(await write(s.call, meta(ACCOUNT, `${day}T02:00:00.000Z`))).toMatchObject({ ok: true });
    }
    expect(readdirSync(s.folder).sort()).toEqual(
      [
        '个人文件.txt',
        dailyBackupFileName(ACCOUNT, new Date('2026-11-26T02:00:00Z')),
        dailyBackupFileName(ACCOUNT, new Date('2026-11-27T02:00:00Z')),
        dailyBackupFileName(ACCOUNT, new Date('2026-11-28T02:00:00Z')),
      ].sort(),
    );
  });

  it("refuses while locked and refuses another account's database", async () => {
    const s = setup();
    await s.call('backup:configure', { enabled: true, folder: s.folder, password: PASSWORD });
    expect(await write(s.call, meta('00000000-0000-4000-8000-0000000000ff'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden_scope' },
    });
    s.signOut();
    expect(await write(s.call)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await s.call('backup:status', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(readdirSync(s.folder)).toEqual([]);
  });

  it('refuses a missing folder, and records a folder that disappeared as the last error', async () => {
    const s = setup();
    expect(await s.call('backup:configure', { enabled: true, folder: path.join(s.root, 'nowhere'), password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'folder_unwritable' },
    });
    expect(await s.call('backup:configure', { enabled: true, folder: 'relative/folder', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'folder_unwritable' },
    });
    await s.call('backup:configure', { enabled: true, folder: s.folder, password: PASSWORD });
    rmSync(s.folder, { recursive: true });
    expect(await write(s.call)).toMatchObject({ ok: false, error: { code: 'folder_unwritable' } });
    expect(await s.call('backup:status', {})).toMatchObject({ ok: true, value: { enabled: true, lastError: 'folder_unwritable' } });
  });

  it('never stores the backup password without a keychain', async () => {
    const s = setup({ keychain: false });
    expect(await s.call('backup:configure', { enabled: true, folder: s.folder, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'encryption_unavailable' },
    });
    expect(existsSync(path.join(s.root, 'userData', `backup-${ACCOUNT}.bin`))).toBe(false);
    expect(await s.call('backup:status', {})).toMatchObject({ ok: true, value: { enabled: false } });
  });

  it('switching off forgets the folder and the password; a short password is a validation error', async () => {
    const s = setup();
    expect(await s.call('backup:configure', { enabled: true, folder: s.folder, password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    await s.call('backup:configure', { enabled: true, folder: s.folder, password: PASSWORD });
    expect(await s.call('backup:configure', { enabled: false })).toMatchObject({ ok: true, value: { enabled: false } });
    expect(existsSync(path.join(s.root, 'userData', `backup-${ACCOUNT}.bin`))).toBe(false);
    expect(await write(s.call)).toMatchObject({ ok: false, error: { code: 'backup_not_configured' } });
  });

  it("keeps two accounts' files apart in a shared folder", () => {
    expect(dailyBackupFileName(ACCOUNT, new Date('2026-11-28T01:00:00Z'))).not.toBe(
      dailyBackupFileName('00000000-0000-4000-8000-00000000d002', new Date('2026-11-28T01:00:00Z')),
    );
  });

  it('dates files by the Shanghai day', () => {
    expect(dailyBackupFileName(ACCOUNT, new Date('2026-11-27T17:30:00.000Z'))).toBe('youfu-backup-2026-11-28-00000000d003.ydb');
  });
});

// A read-only folder only means something to a non-root user.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
it.skipIf(isRoot)('refuses a read-only folder', async () => {
  const s = setup();
  chmodSync(s.folder, 0o500);
  expect(await s.call('backup:configure', { enabled: true, folder: s.folder, password: PASSWORD })).toMatchObject({
    ok: false,
    error: { code: 'folder_unwritable' },
  });
  chmodSync(s.folder, 0o700);
});
