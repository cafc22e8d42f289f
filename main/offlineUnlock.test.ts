import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type OfflineProfile, createOfflineUnlock } from './offlineUnlock';
import { createSealedFile } from './sealedFile';
import { FakeSafeStorage } from './testing/fakeSafeStorage';

const FAST = { N: 1024, r: 8, p: 1, keyLen: 32 };
const LOCKOUT = { maxFailures: 3, lockoutMs: 1000, maxLockoutMs: 3000 };
const profile: OfflineProfile = {
  user: { id: 'u1', name: '张敏', username: 'zhangmin', role: 'caseworker', stationCode: '440304001001' },
  scopes: ['440304001001'],
  serverId: 'srv',
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'youfu-unlock-'));
  dirs.push(dir);
  const safe = new FakeSafeStorage();
  const file = createSealedFile(path.join(dir, 'verifiers.bin'), safe);
  const clock = { now: 1_000_000 };
  const make = () => createOfflineUnlock({ file, now: () => clock.now, params: FAST, lockout: LOCKOUT });
  return { file, clock, make, unlock: make() };
}

describe('offline unlock', () => {
  it('unlocks with the password of the last online sign-in, any letter case of the username', async () => {
    const { unlock } = setup();
    await unlock.remember('ZhangMin', 'correct horse', profile);
    expect(await unlock.verifyOffline('zhangmin', 'correct horse')).toEqual({ ok: true, value: profile });
    expect(await unlock.verifyOffline(' ZHANGMIN ', 'correct horse')).toMatchObject({ ok: true });
    expect(await unlock.lastUsername()).toBe('zhangmin');
  });

  it('refuses a wrong password, and an account that never signed in online here', async () => {
    const { unlock } = setup();
    await unlock.remember('zhangmin', 'correct horse', profile);
    expect(await unlock.verifyOffline('zhangmin', 'Correct horse')).toEqual({ ok: false, error: 'unauthorized' });
    expect(await unlock.verifyOffline('lisi', 'correct horse')).toEqual({ ok: false, error: 'offline_unlock_unavailable' });
  });

  it('stores a salted scrypt hash with its parameters, never the password', async () => {
    const { unlock, file } = setup();
    await unlock.remember('zhangmin', 'correct horse', profile);
    const first = JSON.parse((await file.read())!) as { users: Record<string, { salt: string; hash: string; params: unknown }> };
    expect(JSON.stringify(first)).not.toContain('correct horse');
    expect(first.users.zhangmin?.params).toEqual(FAST);
    await unlock.remember('zhangmin', 'correct horse', profile);
    const second = JSON.parse((await file.read())!) as typeof first;
    // A new salt at every online sign-in: the same password gives a different hash.
    expect(second.users.zhangmin?.salt).not.toBe(first.users.zhangmin?.salt);
    expect(second.users.zhangmin?.hash).not.toBe(first.users.zhangmin?.hash);
  });

  it('locks out after repeated failures, even for the right password, until the delay passes', async () => {
    const { unlock, clock } = setup();
    await unlock.remember('zhangmin', 'right', profile);
    expect(await unlock.verifyOffline('zhangmin', 'w1')).toEqual({ ok: false, error: 'unauthorized' });
    expect(await unlock.verifyOffline('zhangmin', 'w2')).toEqual({ ok: false, error: 'unauthorized' });
    expect(await unlock.verifyOffline('zhangmin', 'w3')).toEqual({ ok: false, error: 'locked_out', retryAt: clock.now + 1000 });
    expect(await unlock.verifyOffline('zhangmin', 'right')).toMatchObject({ ok: false, error: 'locked_out' });
    clock.now += 1000;
    expect(await unlock.verifyOffline('zhangmin', 'right')).toMatchObject({ ok: true });
  });

  it('doubles the delay on each further lockout, up to the cap', async () => {
    const { unlock, clock } = setup();
    await unlock.remember('zhangmin', 'right', profile);
    const lockOnce = async () => {
      let last;
      for (let i = 0; i < 3; i++) last = await unlock.verifyOffline('zhangmin', 'wrong');
      return last;
    };
    expect(await lockOnce()).toMatchObject({ retryAt: clock.now + 1000 });
    clock.now += 1000;
    expect(await lockOnce()).toMatchObject({ retryAt: clock.now + 2000 });
    clock.now += 2000;
    expect(await lockOnce()).toMatchObject({ retryAt: clock.now + 3000 });
  });

  it('keeps the failure count across a restart', async () => {
    const { unlock, make } = setup();
    await unlock.remember('zhangmin', 'right', profile);
    await unlock.verifyOffline('zhangmin', 'w1');
    await unlock.verifyOffline('zhangmin', 'w2');
    expect(await make().verifyOffline('zhangmin', 'w3')).toMatchObject({ error: 'locked_out' });
  });

  it('counts parallel guesses one by one', async () => {
    const { unlock } = setup();
    await unlock.remember('zhangmin', 'right', profile);
    const results = await Promise.all([1, 2, 3, 4].map((i) => unlock.verifyOffline('zhangmin', `wrong${i}`)));
    expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['unauthorized', 'unauthorized', 'locked_out', 'locked_out']);
  });

  it('cannot remember without a keychain', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'youfu-unlock-'));
    dirs.push(dir);
    const unlock = createOfflineUnlock({
      file: createSealedFile(path.join(dir, 'v.bin'), new FakeSafeStorage(false)),
      now: () => 0,
      params: FAST,
    });
    expect(await unlock.remember('zhangmin', 'pw', profile)).toEqual({ ok: false, error: 'encryption_unavailable' });
  });
});
