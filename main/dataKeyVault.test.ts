import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CONTRACT } from '../shared/ipc/contract';
import type { AuthStatus } from '../shared/ipc/contract';
import { createDataKeyVault, dataKeyHandlers, fileExists } from './dataKeyVault';
import { createIpcRegistry } from './ipc';
import { createSealedFile } from './sealedFile';
import { FakeSafeStorage } from './testing/fakeSafeStorage';
import { APP_PAGE, FakeIpcMain, MemoryLog } from './testing/fakes';

const dirs: string[] = [];
function keyFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'youfu-keys-'));
  dirs.push(dir);
  return path.join(dir, 'userData', 'data-keys.bin');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function vaultAt(file: string, safe = new FakeSafeStorage()) {
  return createDataKeyVault({
    file: createSealedFile(file, safe),
    fileExists: fileExists(file),
    now: () => Date.parse('2026-11-28T08:00:00Z'),
  });
}

const session = {
  user: { id: 'u1', name: '张敏', username: 'zhangmin', role: 'caseworker' as const, stationCode: '440304001001' },
  scopes: ['440304001001'],
  serverId: 'srv',
  expiresAt: null,
  canSync: true,
};

describe('data key vault', () => {
  it('creates random 256-bit keys per database once, keeps them sealed, and gives the same ones after a restart', async () => {
    const file = keyFile();
    const safe = new FakeSafeStorage();
    const first = await vaultAt(file, safe).keysFor('srv', 'u1');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(Buffer.from(first.value.dataKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(first.value.blindIndexKey, 'base64')).toHaveLength(32);
    expect(first.value.dataKey).not.toBe(first.value.blindIndexKey);
    const raw = readFileSync(file).toString('latin1');
    expect(raw).not.toContain(first.value.dataKey);
    expect(raw).not.toContain(first.value.blindIndexKey);
    expect(await vaultAt(file, safe).keysFor('srv', 'u1')).toEqual(first);
    const other = await vaultAt(file, safe).keysFor('srv', 'u2');
    expect(other.ok && other.value.dataKey).not.toBe(first.value.dataKey);
  });

  it('refuses without a keychain and never writes the keys in clear', async () => {
    const file = keyFile();
    expect(await vaultAt(file, new FakeSafeStorage(false)).keysFor('srv', 'u1')).toEqual({ ok: false, error: 'encryption_unavailable' });
  });

  it('never replaces a key file it cannot open (another user, a reset keychain)', async () => {
    const file = keyFile();
    await vaultAt(file, new FakeSafeStorage(true, undefined, 0x11)).keysFor('srv', 'u1');
    const before = readFileSync(file);
    expect(await vaultAt(file, new FakeSafeStorage(true, undefined, 0x22)).keysFor('srv', 'u1')).toEqual({
      ok: false,
      error: 'keys_unreadable',
    });
    expect(readFileSync(file)).toEqual(before);
  });

  it('gives two parallel first calls the same keys', async () => {
    const vault = vaultAt(keyFile());
    const [a, b] = await Promise.all([vault.keysFor('srv', 'u1'), vault.keysFor('srv', 'u1')]);
    expect(a).toEqual(b);
  });
});

describe('db:keys channel', () => {
  function setup(status: AuthStatus) {
    const ipcMain = new FakeIpcMain();
    createIpcRegistry({ ipcMain, log: new MemoryLog() }).handleSome(dataKeyHandlers({ status: () => status }, vaultAt(keyFile())));
    return ipcMain;
  }

  it('answers the unlocked account its keys, as the contract says', async () => {
    const res = await setup({ state: 'unlocked', session, lastUsername: 'zhangmin' }).invoke('db:keys', APP_PAGE, {});
    expect(res).toMatchObject({ ok: true });
    expect(IPC_CONTRACT['db:keys'].response.safeParse((res as { value: unknown }).value).success).toBe(true);
  });

  it('answers locked while locked or signed out: no keys before a sign-in or unlock', async () => {
    expect(await setup({ state: 'locked', session: null, lastUsername: 'zhangmin' }).invoke('db:keys', APP_PAGE, {})).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await setup({ state: 'signed_out', session: null, lastUsername: null }).invoke('db:keys', APP_PAGE, {})).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });

  it('gets validation_failed for a malformed payload and forbidden_sender from a foreign frame', async () => {
    const ipcMain = setup({ state: 'unlocked', session, lastUsername: 'zhangmin' });
    expect(await ipcMain.invoke('db:keys', APP_PAGE, { serverId: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await ipcMain.invoke('db:keys', 'https://evil.example/', {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
