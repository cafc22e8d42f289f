import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../shared/demo';
import type { LoginResponse } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { http, pullAll, startTestServer } from '../../test/support/serverHarness';
import { findAccountByUsername } from '../auth/accounts';
import { DEMO_PASSWORD, loadDemo } from './loadDemo';

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
    const r = await http<LoginResponse>(server.baseUrl, 'POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD, deviceId: 'demo-device-1' });
    expect(r.status).toBe(200);
    return { id: r.body.user.id, username, token: r.body.token, deviceId: 'demo-device-1' };
  };

  it('has no demo account before the demo is loaded', async () => {
    expect(await findAccountByUsername(server.db, 'demo-admin')).toBeNull();
  });

  it('loads the generator rows once, with the four demo accounts, scoped like any other data', async () => {
    const first = await loadDemo(server.db, { recipients: 12, seed: 7, today: '2026-11-28' });
    expect(first.loaded).toBe(true);
    expect(first.rows).toBeGreaterThan(12);
    const again = await loadDemo(server.db, { recipients: 12, seed: 7, today: '2026-11-28' });
    expect(again.loaded).toBe(false);

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
});
