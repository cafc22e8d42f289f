import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import type { TestServer } from '../../test/support/serverHarness';
import { http, startTestServer } from '../../test/support/serverHarness';
import type { Db } from './db';
import { fatalStorageReason } from './storageGuard';

describe('which database errors make the storage unusable', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    [pgError('53100', 'could not extend file "base/5/16385": No space left on device'), 'disk_full'],
    [pgError('58030'), 'system_error_58030'],
    [pgError('57P02', 'terminating connection because of crash of another server process'), 'server_shutdown_57P02'],
    [pgError('57P03', 'the database system is in recovery mode'), 'server_shutdown_57P03'],
    [pgError('08006'), 'connection_08006'],
    [pgError('ECONNREFUSED'), 'connection_econnrefused'],
    [pgError('ENOSPC'), 'enospc'],
    [new Error('Connection terminated unexpectedly'), 'connection_terminated'],
    [new Error('timeout exceeded when trying to connect'), 'pool_timeout'],
    [Object.assign(new Error('Aborted(). Build with -sASSERTIONS for more info.'), { name: 'RuntimeError' }), 'engine_aborted'],
  ])('%s is fatal (%s)', (e, reason) => {
    expect(fatalStorageReason(e)).toBe(reason);
  });
  it.each([
    [pgError('23505', 'duplicate key value violates unique constraint')],
    [pgError('40001', 'could not serialize access')],
    [pgError('22P02', 'invalid input syntax for type integer')],
    [new TypeError('x is undefined')],
  ])('%s is an ordinary error', (e) => {
    expect(fatalStorageReason(e)).toBeNull();
  });
});

describe.each(testBackends())('a database that stops answering, on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let wedged = false;
  const fatal: string[] = [];
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    const real = opened.db;
    // What a PANICked PGlite or an unreachable pool looks like from the server: calls that never return.
    const never = new Promise<never>(() => undefined);
    const hanging: Db = {
      ...real,
      query: (sql, params) => (wedged ? never : real.query(sql, params)),
      exec: (sql) => (wedged ? never : real.exec(sql)),
      transaction: (fn) => (wedged ? never : real.transaction(fn)),
    };
    server = await startTestServer(hanging, { storage: { timeoutMs: 1500, onFatal: (r) => fatal.push(r) } });
  });
  afterAll(async () => {
    await server.close();
    wedged = false;
    await drop();
  });

  it('answers 503 storage_unavailable within the bounded wait, then at once, health included, and reports it once', async () => {
    expect((await http(server.baseUrl, 'GET', '/api/v1/health')).status).toBe(200);
    wedged = true;
    const t0 = Date.now();
    const first = await http<ErrorBody>(server.baseUrl, 'POST', '/api/v1/auth/login', {
      username: 'someone',
      password: 'whatever-it-is',
      deviceId: 'device-0001',
    });
    const waited = Date.now() - t0;
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe('storage_unavailable');
    expect(waited).toBeGreaterThanOrEqual(1400);
    expect(waited).toBeLessThan(10_000);

    const t1 = Date.now();
    const health = await http<ErrorBody>(server.baseUrl, 'GET', '/api/v1/health');
    expect(health.status).toBe(503);
    expect(health.body.error.code).toBe('storage_unavailable');
    const pull = await http<ErrorBody>(server.baseUrl, 'GET', '/api/v1/sync/pull?cursor=0', undefined, 'x'.repeat(43));
    expect(pull.status).toBe(503);
    expect(Date.now() - t1).toBeLessThan(1000);
    expect(fatal).toEqual(['timeout']);
  });
});
