import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, LoginResponse } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import type { TestServer } from '../../test/support/serverHarness';
import { startTestServer, TEST_PASSWORD } from '../../test/support/serverHarness';
import type { ServerOptions } from '../app';
import type { Db } from '../db/db';
import { openServerDb } from '../db/openDb';
import { createAccount } from './accounts';

interface Answer {
  status: number;
  code: string | null;
  retryAfter: string | null;
}

async function login(server: TestServer, username: string, password: string, forwardedFor?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username, password, deviceId: 'device-limits-1' }),
  });
  const body = (await res.json()) as Partial<LoginResponse & ErrorBody>;
  return { status: res.status, code: body.error?.code ?? null, retryAfter: res.headers.get('retry-after') };
}

const count = (answers: Answer[], status: number): number => answers.filter((a) => a.status === status).length;

describe.each(testBackends())('sign-in limits on $name', (backend) => {
  let db: Db;
  let drop: () => Promise<void>;
  const servers: TestServer[] = [];
  let clock = new Date('2026-11-28T02:00:00Z');
  const start = async (opts: Partial<Omit<ServerOptions, 'db'>>, on: Db = db): Promise<TestServer> => {
    const s = await startTestServer(on, { now: () => clock, ...opts });
    servers.push(s);
    return s;
  };
  let serial = 0;
  const account = async (on: Db = db): Promise<string> => {
    serial += 1;
    const username = `limit.user${serial}`;
    await createAccount(on, { username, name: '测试员', role: 'caseworker', stationCode: '440304001001', password: TEST_PASSWORD });
    return username;
  };
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await drop();
  });

  it('checks at most the limit of 25 simultaneous wrong passwords; the right one is then refused until the window passes', async () => {
    const server = await start({ loginLimits: { maxFailures: 5, windowMs: 60_000, maxPerIp: 1000 } });
    const username = await account();
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login(server, username, `wrong guess ${i}`)));
    // Each 401 is a password that was checked; everything beyond the limit is refused unchecked.
    expect(count(answers, 401)).toBe(5);
    expect(count(answers, 429)).toBe(20);
    expect(answers.filter((a) => a.status === 429).every((a) => a.code === 'rate_limited')).toBe(true);

    const right = await login(server, username, TEST_PASSWORD);
    expect(right).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(Number(right.retryAfter)).toBeLessThanOrEqual(60);

    clock = new Date(clock.getTime() + 61_000);
    expect((await login(server, username, TEST_PASSWORD)).status).toBe(200);
  });

  it('counts failures per account whatever the IP address they come from', async () => {
    const server = await start({ trustProxy: true, loginLimits: { maxFailures: 3, windowMs: 60_000, maxPerIp: 1000 } });
    const username = await account();
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect((await login(server, username, 'not the password', ip)).status).toBe(401);
    }
    expect(await login(server, username, TEST_PASSWORD, '198.51.100.4')).toMatchObject({ status: 429, code: 'rate_limited' });
    // Another account is not locked by guesses at this one.
    expect((await login(server, await account(), TEST_PASSWORD, '198.51.100.1')).status).toBe(200);
    clock = new Date(clock.getTime() + 61_000);
  });

  it('limits sign-ins per client IP behind a trusted reverse proxy, and ignores X-Forwarded-For from anyone else', async () => {
    const limits = { maxFailures: 100, windowMs: 60_000, maxPerIp: 3, ipWindowMs: 60_000 };
    const proxied = await start({ trustProxy: ['127.0.0.1'], loginLimits: limits });
    const username = await account();
    for (let i = 0; i < 3; i++) expect((await login(proxied, username, 'wrong', '203.0.113.7')).status).toBe(401);
    expect(await login(proxied, username, TEST_PASSWORD, '203.0.113.7')).toMatchObject({ status: 429, code: 'rate_limited' });
    // Another office behind the same proxy is another client.
    expect((await login(proxied, username, TEST_PASSWORD, '203.0.113.8')).status).toBe(200);

    clock = new Date(clock.getTime() + 61_000);
    // Without a trusted proxy the header is the client's own claim: changing it gains nothing.
    const direct = await start({ loginLimits: limits });
    for (let i = 0; i < 3; i++) expect((await login(direct, username, 'wrong', `192.0.2.${i + 1}`)).status).toBe(401);
    expect(await login(direct, username, TEST_PASSWORD, '192.0.2.99')).toMatchObject({ status: 429, code: 'rate_limited' });
    clock = new Date(clock.getTime() + 61_000);
  });

  it('shares the counts between two server instances on one database', async () => {
    const { config, drop: dropStorage } = await backend.storage();
    // Two processes would each open the database; PostgreSQL gets two connection pools, while
    // PGlite (one process per folder) serves both instances from one handle.
    const first = await openServerDb(config);
    const second = config.databaseUrl ? await openServerDb(config) : first;
    try {
      const limits = { maxFailures: 4, windowMs: 60_000, maxPerIp: 6, ipWindowMs: 60_000 };
      const a = await start({ loginLimits: limits }, first);
      const b = await start({ loginLimits: limits }, second);
      const username = await account(first);
      expect((await login(a, username, 'wrong 1')).status).toBe(401);
      expect((await login(b, username, 'wrong 2')).status).toBe(401);
      expect((await login(a, username, 'wrong 3')).status).toBe(401);
      expect((await login(b, username, 'wrong 4')).status).toBe(401);
      expect(await login(a, username, TEST_PASSWORD)).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(await login(b, username, TEST_PASSWORD)).toMatchObject({ status: 429, code: 'rate_limited' });
      // Six requests from this address so far, across both: the seventh is over the IP limit
      // on either instance, even for another account with the right password.
      const other = await account(first);
      expect(await login(b, other, TEST_PASSWORD)).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(await login(a, other, TEST_PASSWORD)).toMatchObject({ status: 429, code: 'rate_limited' });
      clock = new Date(clock.getTime() + 61_000);
      expect((await login(b, other, TEST_PASSWORD)).status).toBe(200);
    } finally {
      for (const s of servers.splice(0)) await s.close();
      await first.close();
      if (second !== first) await second.close();
      await dropStorage();
    }
  });
});
