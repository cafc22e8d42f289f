import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../shared/demo';
import type { LoginResponse } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, http, pullAll, pushOk, startTestServer } from '../../test/support/serverHarness';
import { MutationFactory, recipientFields, ST } from '../../test/support/fixtures';
import { runAdmin, startServerExpectingFailure } from '../../test/support/serverProcess';
import { findAccountByUsername } from '../auth/accounts';
import type { Db } from '../db/db';
import { toNumber } from '../db/db';
import { openServerDb } from '../db/openDb';
import { DEMO_PASSWORD, DemoRefusedError, isDemoDatabase, loadDemo } from './loadDemo';

const DEMO = { recipients: 12, seed: 7, today: '2026-11-28' };

const rowCount = async (db: Db): Promise<number> => toNumber((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM rows'))[0]?.n);

describe.each(testBackends())('demo data on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db);
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  const signIn = async (username: string): Promise<TestUser> => {
    const r = await http<LoginResponse>(server.baseUrl, 'POST', '/api/v1/auth/login', {
      username,
      password: DEMO_PASSWORD,
      deviceId: 'demo-device-1',
    });
    expect(r.status).toBe(200);
    return { id: r.body.user.id, username, token: r.body.token, deviceId: 'demo-device-1' };
  };

  it('has no demo account before the demo is loaded', async () => {
    expect(await findAccountByUsername(server.db, 'demo-admin')).toBeNull();
  });

  it('loads the generator rows once, with the four demo accounts, scoped like any other data', async () => {
    const first = await loadDemo(server.db, DEMO);
    expect(first.loaded).toBe(true);
    expect(first.rows).toBeGreaterThan(12);
    expect(await isDemoDatabase(server.db)).toBe(true);
    const again = await loadDemo(server.db, DEMO);
    expect(again.loaded).toBe(false);
    expect(await rowCount(server.db)).toBe(first.rows);

    const admin = new Map<string, Record<string, unknown>>();
    await pullAll(server, await signIn('demo-admin'), admin);
    expect(admin.size).toBe(first.rows);

    const mine = new Map<string, Record<string, unknown>>();
    const caseworker = await signIn('demo-caseworker');
    expect(caseworker.id).toBe(DEMO_ACCOUNTS.caseworker.id);
    await pullAll(server, caseworker, mine);
    expect(mine.size).toBeGreaterThan(0);
    expect(mine.size).toBeLessThan(admin.size);
    expect([...mine.values()].every((r) => String(r.stationCode).startsWith(DEMO_ACCOUNTS.caseworker.stationCode))).toBe(true);
  });

  describe('on a database the demo did not create', () => {
    let real: TestServer;
    let dropReal: () => Promise<void>;
    beforeAll(async () => {
      const opened = await backend.open();
      dropReal = opened.drop;
      real = await startTestServer(opened.db);
    });
    afterAll(async () => {
      await real.close();
      await dropReal();
    });

    it('refuses when it holds only accounts, and creates no demo account', async () => {
      await createUser(real, 'city_admin', ST.city);
      await expect(loadDemo(real.db, DEMO)).rejects.toThrow(DemoRefusedError);
      await expect(loadDemo(real.db, DEMO)).rejects.toThrow(/--demo refused.*new, empty database/s);
      for (const a of Object.values(DEMO_ACCOUNTS)) expect(await findAccountByUsername(real.db, a.username)).toBeNull();
      expect(await rowCount(real.db)).toBe(0);
      expect(await isDemoDatabase(real.db)).toBe(false);
    });

    it('refuses when it holds records, and the demo password opens nothing', async () => {
      const user = await createUser(real, 'caseworker', ST.yuanlingA);
      const f = new MutationFactory('real-client-0001', () => new Date());
      await pushOk(real, user, f.clientId, [f.upsert('recipients', '7b0f4c1e-8f67-4d0c-9a8e-3c1d2b4a5f60', recipientFields(ST.yuanlingA))]);
      await expect(loadDemo(real.db, DEMO)).rejects.toThrow(DemoRefusedError);
      expect(await rowCount(real.db)).toBe(1);
      const r = await http(real.baseUrl, 'POST', '/api/v1/auth/login', {
        username: 'demo-admin',
        password: DEMO_PASSWORD,
        deviceId: 'demo-device-1',
      });
      expect(r.status).toBe(401);
    });
  });

  it(
    'npm run server -- --demo refuses to start on such a database, with a non-zero exit and the reason',
    { timeout: 120_000 },
    async () => {
      const { config, drop: dropStorage } = await backend.storage();
      try {
        const created = await runAdmin(
          config,
          ['create-user', 'real.admin', '--name', '管理员', '--role', 'city_admin', '--station', ST.city],
          { YOUFU_PASSWORD: 'a real admin secret' },
        );
        expect(created.code).toBe(0);
        const refused = await startServerExpectingFailure(config, ['--demo', '--demo-recipients', '5']);
        expect(refused.code).toBe(1);
        expect(refused.stdout).not.toMatch(/listening/);
        expect(refused.stderr).toMatch(/--demo refused: this database already holds records or accounts that the demo did not create/);
        expect(refused.stderr).toMatch(/Start without --demo/);
        const db = await openServerDb(config);
        try {
          expect(await findAccountByUsername(db, 'demo-admin')).toBeNull();
          expect(await rowCount(db)).toBe(0);
        } finally {
          await db.close();
        }
      } finally {
        await dropStorage();
      }
    },
  );
});
