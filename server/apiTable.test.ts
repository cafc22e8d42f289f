import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResult, createPublicClient } from '../shared/api/client';
import type { ServerErrorCode } from '../shared/api/errors';
import { type RouteName, type SessionRouteName, apiRoutes, streamRoutes } from '../shared/api/routes';
import { testBackends } from '../test/support/databases';
import { type TestServer, apiAs, createUser, http, nodeFetch, startTestServer } from '../test/support/serverHarness';

const [pglite] = testBackends();

describe('the route table (shared/api/routes.ts) and the server', () => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const registered: string[] = [];
  beforeAll(async () => {
    const opened = await pglite!.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { onRoute: (r) => registered.push(`${r.method} ${r.url}`) });
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  it('lists exactly the routes the server registers', () => {
    // Fastify answers HEAD for every GET by itself; the table lists what clients call (and tus's own HEAD).
    const served = registered.filter((r) => !(r.startsWith('HEAD ') && registered.includes(`GET ${r.slice(5)}`))).sort();
    const listed = [
      ...Object.values(apiRoutes).map((r) => `${r.method} ${r.path}`),
      ...Object.values(streamRoutes).flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)),
    ].sort();
    expect(served).toEqual(listed);
  });

  it('answers the byte routes (uploads, attachment content) without a token with 401 unauthorized, as JSON', async () => {
    for (const route of Object.values(streamRoutes)) {
      for (const method of route.methods) {
        const res = await fetch(`${server.baseUrl}${route.path.replace(':id', '0b9c1a5e-5a4b-4c1d-9e8f-1a2b3c4d5e6f')}`, {
          method,
          headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' },
        });
        expect({ route: route.name, method, status: res.status }).toEqual({ route: route.name, method, status: route.errors.unauthorized });
        if (method !== 'HEAD') expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
  });

  it('answers every session route without a token with the table’s status for unauthorized', async () => {
    const names = Object.values(apiRoutes).filter((r) => r.auth === 'session');
    expect(names.length).toBeGreaterThan(5);
    for (const route of names) {
      const res = await http<{ error: { code: string } }>(
        server.baseUrl,
        route.method,
        route.path.replace(':id', '1'),
        route.method === 'POST' ? {} : undefined,
      );
      expect({ route: route.name, status: res.status, code: res.body.error.code }).toEqual({
        route: route.name,
        status: route.errors.unauthorized,
        code: 'unauthorized',
      });
    }
  });

  it('answers the codes the table declares with their statuses, and the client reports both', async () => {
    const caseworker = await createUser(server, 'caseworker', '440304001001');
    const supervisor = await createUser(server, 'district_supervisor', '440304');
    /** The route's declared status for the code, which must be declared. */
    const declared = (name: RouteName, code: ServerErrorCode): number => {
      const status = (apiRoutes[name].errors as Partial<Record<ServerErrorCode, number>>)[code];
      expect(status, `${name} declares ${code}`).toBeTypeOf('number');
      return status ?? 0;
    };
    const expectError = async (name: SessionRouteName, res: Promise<ApiResult<unknown>>, code: ServerErrorCode) => {
      expect((await res).ok).toBe(false);
      expect(await res).toMatchObject({ ok: false, error: { code, status: declared(name, code) } });
    };
    await expectError('review', apiAs(server, caseworker).call('review', { week: '2026-11-23' }), 'forbidden_role');
    await expectError('review', apiAs(server, supervisor).call('review', { week: 'next week' }), 'validation_failed');
    await expectError('review', apiAs(server, supervisor).call('review', { week: '2026-11-23', station: '440305' }), 'forbidden_scope');
    await expectError(
      'resolveConflict',
      apiAs(server, supervisor).call('resolveConflict', { id: 999_999, resolution: 'keep_winner' }),
      'not_found',
    );
    await expectError('pull', apiAs(server, caseworker).call('pull', { cursor: 1_000_000 }), 'must_refetch');
    await expectError(
      'push',
      apiAs(server, caseworker).call('push', { protocolVersion: 99, schemaVersion: 1, clientId: 'client-0001', mutations: [] }),
      'protocol_version_unsupported',
    );
  });

  it('validates the answers with the table’s response schemas', async () => {
    const health = await createPublicClient({ baseUrl: server.baseUrl, fetch: nodeFetch }).call('health');
    expect(health).toMatchObject({ ok: true, value: { ok: true, protocolVersion: 1 } });
    const login = await createPublicClient({ baseUrl: server.baseUrl, fetch: nodeFetch }).call('login', {
      username: 'nobody',
      password: 'wrong',
      deviceId: 'device-0001',
    });
    expect(login).toEqual({
      ok: false,
      error: { code: 'unauthorized', status: apiRoutes.login.errors.unauthorized, message: 'wrong username or password' },
    });
  });
});
