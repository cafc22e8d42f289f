import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canEncrypt, createSealedFile } from './sealedFile';
import { FakeSafeStorage } from './testing/fakeSafeStorage';
import { createTokenVault } from './tokenVault';

const credential = {
  token: 'tok_3Jq9vX2mN8pL4wR7sT1uY6zA0bC5dE',
  userId: 'u-1',
  username: 'zhangmin',
  serverUrl: 'https://sync.example.cn',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

const dirs: string[] = [];
function vaultFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'youfu-vault-'));
  dirs.push(dir);
  return path.join(dir, 'userData', 'credential.bin');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('tokenVault', () => {
  it('stores the token encrypted and reads it back', async () => {
    const file = vaultFile();
    const safe = new FakeSafeStorage();
    expect(await createTokenVault(createSealedFile(file, safe)).save(credential)).toEqual({ ok: true, value: null });
    const raw = readFileSync(file);
    expect(raw.toString('latin1')).not.toContain(credential.token);
    expect(raw.toString('latin1')).not.toContain('zhangmin');
    // A fresh vault (a restart) reads it from disk, not from memory.
    expect(await createTokenVault(createSealedFile(file, safe)).load()).toEqual(credential);
  });

  it('writes the file readable by the owner only', async () => {
    const file = vaultFile();
    await createTokenVault(createSealedFile(file, new FakeSafeStorage())).save(credential);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('refuses to store anything when encryption is unavailable, and writes no file', async () => {
    const file = vaultFile();
    const vault = createTokenVault(createSealedFile(file, new FakeSafeStorage(false)));
    expect(await vault.save(credential)).toEqual({ ok: false, error: 'encryption_unavailable' });
    expect(existsSync(file)).toBe(false);
    expect(await vault.load()).toBeNull();
  });

  it.each(['basic_text', 'unknown'])('refuses the weak Linux backend %s', async (backend) => {
    const safe = new FakeSafeStorage(true, backend);
    expect(canEncrypt(safe)).toBe(false);
    expect(await createTokenVault(createSealedFile(vaultFile(), safe)).save(credential)).toMatchObject({ ok: false });
  });

  it('reads nothing from a file another key sealed, or a corrupt file', async () => {
    const file = vaultFile();
    await createTokenVault(createSealedFile(file, new FakeSafeStorage(true, undefined, 0x11))).save(credential);
    expect(await createTokenVault(createSealedFile(file, new FakeSafeStorage(true, undefined, 0x22))).load()).toBeNull();
    writeFileSync(file, 'garbage');
    expect(await createTokenVault(createSealedFile(file, new FakeSafeStorage())).load()).toBeNull();
  });

  it('clear removes the file', async () => {
    const file = vaultFile();
    const vault = createTokenVault(createSealedFile(file, new FakeSafeStorage()));
    await vault.save(credential);
    await vault.clear();
    expect(existsSync(file)).toBe(false);
    expect(await vault.load()).toBeNull();
  });
});
