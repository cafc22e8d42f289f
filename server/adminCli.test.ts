import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../shared/sync/protocol';
import { loginRequestSchema } from '../shared/sync/protocol';
import { testBackends } from '../test/support/databases';
import type { StorageConfig } from '../test/support/databases';
import { http, startTestServer } from '../test/support/serverHarness';
import { runAdmin } from '../test/support/serverProcess';
import { createAccount, findAccountByUsername, resetPassword } from './auth/accounts';
import { MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH } from './auth/credentialPolicy';
import type { Db } from './db/db';
import { openServerDb } from './db/openDb';

const GOOD = 'a long enough secret';

describe('the credential policy matches what sign-in accepts', () => {
  it('allows the longest username and password that the login route takes, and no longer', () => {
    const ok = { username: 'u'.repeat(MAX_USERNAME_LENGTH), password: 'p'.repeat(MAX_PASSWORD_LENGTH), deviceId: 'device-0001' };
    expect(loginRequestSchema.safeParse(ok).success).toBe(true);
    expect(loginRequestSchema.safeParse({ ...ok, username: `${ok.username}u` }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ ...ok, password: `${ok.password}p` }).success).toBe(false);
  });
});

describe.each(testBackends())('accounts and the admin CLI on $name', (backend) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
  });
  afterAll(async () => drop());

  const make = (username: string, password = GOOD) =>
    createAccount(db, { username, name: '测试员', role: 'caseworker', stationCode: '440304001001', password });

  it('stores the username as sign-in compares it and finds it however it is typed', async () => {
    const a = await make('  Zhang.Wei ');
    expect(a.username).toBe('zhang.wei');
    expect((await findAccountByUsername(db, 'ZHANG.WEI'))?.id).toBe(a.id);
    await expect(make('zhang.wei')).rejects.toThrow(/already exists/);
  });

  it.each([
    ['', /2 to 64/],
    ['a', /2 to 64/],
    ['x'.repeat(65), /2 to 64/],
    ['li xiaomin', /letters and digits/],
    ['li\u0000min', /letters and digits/],
    ['li\u200bmin', /letters and digits/],
    ['.leading', /letters and digits/],
    ['trailing-', /letters and digits/],
  ])('refuses the unusable username %j', async (username, why) => {
    await expect(make(username)).rejects.toThrow(why);
  });

  it.each([
    ['short1!', /at least 8/],
    ['p'.repeat(MAX_PASSWORD_LENGTH + 1), /at most 200/],
    ['wang.fang', /username/],
    ['Wang.Fang2026', /username/],
    ['12345678', /too common/],
    ['Password1', /too common/],
    ['QWERTY123', /too common/],
    ['aaaaaaaaaa', /too common/],
  ])('refuses the password %j for wang.fang', async (password, why) => {
    await expect(make('wang.fang', password)).rejects.toThrow(why);
    expect(await findAccountByUsername(db, 'wang.fang')).toBeNull();
  });

  it('applies the same policy to a password reset', async () => {
    await make('chen.jing');
    await expect(resetPassword(db, 'Chen.Jing', 'password123')).rejects.toThrow(/too common/);
    await expect(resetPassword(db, 'chen.jing', 'chen.jing.1')).rejects.toThrow(/username/);
    expect((await resetPassword(db, 'CHEN.JING', 'another fine secret')).username).toBe('chen.jing');
  });

  describe('through npm run admin', () => {
    let storage: StorageConfig;
    let dropStorage: () => Promise<void>;
    beforeAll(async () => {
      ({ config: storage, drop: dropStorage } = await backend.storage());
    });
    afterAll(async () => dropStorage());

    it('creates a mixed-case username that then signs in, and refuses a bad one with a non-zero exit', { timeout: 120_000 }, async () => {
      const created = await runAdmin(
        storage,
        ['create-user', 'Liu.Yang', '--name', '刘洋', '--role', 'caseworker', '--station', '440304001001'],
        { YOUFU_PASSWORD: GOOD },
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/created liu\.yang/);

      const weak = await runAdmin(
        storage,
        ['create-user', 'zhao lei', '--name', '赵磊', '--role', 'caseworker', '--station', '440304001001'],
        { YOUFU_PASSWORD: GOOD },
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/letters and digits/);
      const common = await runAdmin(storage, ['reset-password', 'LIU.YANG'], { YOUFU_PASSWORD: 'iloveyou' });
      expect(common.code).toBe(1);
      expect(common.stderr).toMatch(/too common/);

      const opened = await openServerDb(storage);
      const server = await startTestServer(opened);
      try {
        expect(await findAccountByUsername(opened, 'zhao lei')).toBeNull();
        const r = await http<LoginResponse>(server.baseUrl, 'POST', '/api/v1/auth/login', {
          username: 'Liu.Yang',
          password: GOOD,
          deviceId: 'device-cli-1',
        });
        expect(r.status).toBe(200);
        expect(r.body.user.username).toBe('liu.yang');
      } finally {
        await server.close();
        await opened.close();
      }
    });
  });
});
