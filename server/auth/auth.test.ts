import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, HealthResponse, LoginResponse, PullResponse } from '../../shared/sync/protocol';
import { loginResponseSchema } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import type { TestServer } from '../../test/support/serverHarness';
import { createUser, http, pull, startTestServer, TEST_PASSWORD } from '../../test/support/serverHarness';
import { createAccount, resetPassword, setAccountDisabled } from './accounts';
import { TOKEN_TTL_MS } from './tokens';

describe.each(testBackends())('auth over HTTP on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let clock = new Date('2026-11-28T02:00:00Z');
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => clock, loginLimits: { maxFailures: 3, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  const login = (username: string, password: string, deviceId = 'device-0001') =>
    http<LoginResponse & ErrorBody>(server.baseUrl, 'POST', '/api/v1/auth/login', { username, password, deviceId });

  it('answers health with the server id', async () => {
    const r = await http<HealthResponse>(server.baseUrl, 'GET', '/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.serverId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('signs in with the right password and returns the session contract', async () => {
    await createAccount(server.db, {
      username: 'li.xiaomin',
      name: '李晓敏',
      role: 'caseworker',
      stationCode: '440304001001',
      password: TEST_PASSWORD,
    });
    const r = await login('li.xiaomin', TEST_PASSWORD);
    expect(r.status).toBe(200);
    const body = loginResponseSchema.parse(r.body);
    expect(body.user).toMatchObject({ username: 'li.xiaomin', role: 'caseworker', stationCode: '440304001001' });
    expect(body.scopes).toEqual(['440304001001']);
    expect(new Date(body.expiresAt).getTime() - clock.getTime()).toBe(TOKEN_TTL_MS);
    // The token is stored hashed, never as issued.
    const stored = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM tokens');
    expect(stored.some((t) => t.token_hash === body.token)).toBe(false);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const bad = await login('li.xiaomin', 'wrong password');
    const unknown = await login('nobody-here', 'wrong password');
    expect(bad.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(bad.body).toEqual(unknown.body);
    expect(bad.body.error.code).toBe('unauthorized');
  });

  it('rate-limits failed sign-ins per account, even with the right password', async () => {
    await createAccount(server.db, {
      username: 'target',
      name: '王五',
      role: 'caseworker',
      stationCode: '440304001001',
      password: TEST_PASSWORD,
    });
    for (let i = 0; i < 3; i++) expect((await login('target', `guess-${i}`)).status).toBe(401);
    const limited = await login('target', TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // Other usernames are not locked out by someone guessing this one.
    expect((await login('li.xiaomin', TEST_PASSWORD)).status).toBe(200);
    clock = new Date(clock.getTime() + 61_000);
    expect((await login('target', TEST_PASSWORD)).status).toBe(200);
  });

  it('rejects missing, expired, revoked and disabled sessions with unauthorized', async () => {
    const user = await createUser(server, 'caseworker', '440304001001');
    expect((await pull(server, user, 0)).status).toBe(200);

    const none = await http<ErrorBody>(server.baseUrl, 'GET', '/api/v1/sync/pull?cursor=0');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');

    const saved = clock;
    clock = new Date(clock.getTime() + TOKEN_TTL_MS + 1);
    const expired = await pull(server, user, 0);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
    clock = saved;

    const logout = await http<{ ok: boolean }>(server.baseUrl, 'POST', '/api/v1/auth/logout', {}, user.token);
    expect(logout.body).toEqual({ ok: true });
    const revoked = await pull(server, user, 0);
    expect(revoked.status).toBe(401);

    const other = await createUser(server, 'caseworker', '440304001001');
    await setAccountDisabled(server.db, other.username, true);
    expect((await pull(server, other, 0)).status).toBe(401);
    expect((await login(other.username, TEST_PASSWORD)).status).toBe(401);
  });

  it('ends every session of an account when its password is reset', async () => {
    const user = await createUser(server, 'caseworker', '440304001001');
    await resetPassword(server.db, user.username, 'a brand new secret');
    expect((await pull(server, user, 0)).status).toBe(401);
    expect((await login(user.username, 'a brand new secret')).status).toBe(200);
  });

  it('answers unknown routes, bad JSON and huge bodies with protocol error codes', async () => {
    const missing = await http<ErrorBody>(server.baseUrl, 'GET', '/api/v1/nothing');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });

    const badJson = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as ErrorBody).error.code).toBe('validation_failed');

    const user = await createUser(server, 'caseworker', '440304001001');
    const huge = await fetch(`${server.baseUrl}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ padding: 'x'.repeat(6 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ErrorBody).error.code).toBe('payload_too_large');

    const badQuery = await http<PullResponse & ErrorBody>(server.baseUrl, 'GET', '/api/v1/sync/pull?cursor=-1', undefined, user.token);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.code).toBe('validation_failed');
  });
});
