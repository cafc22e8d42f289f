import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, Mutation, PushResponse } from '../shared/sync/protocol';
import { testBackends } from '../test/support/databases';
import type { StorageConfig } from '../test/support/databases';
import { aidFields, MutationFactory, recipientFields, ST } from '../test/support/fixtures';
import { http, pushBody } from '../test/support/serverHarness';
import type { ServerProcess } from '../test/support/serverProcess';
import { runAdmin, startServerExpectingFailure, startServerProcess } from '../test/support/serverProcess';
import type { Db } from './db/db';
import { toNumber } from './db/db';
import { openPgDb } from './db/pgDb';
import { openPgliteDb } from './db/pgliteDb';

const PASSWORD = 'crash test password';
const RECIPIENTS_PER_BATCH = 40;
const AID_PER_RECIPIENT = 4;

async function openStorage(s: StorageConfig): Promise<Db> {
  return s.databaseUrl ? openPgDb(s.databaseUrl, 2) : openPgliteDb(s.dataDir);
}

describe.each(testBackends())('the server process on $name', (backend) => {
  let storage: StorageConfig;
  let drop: () => Promise<void>;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    ({ config: storage, drop } = await backend.storage());
    const created = await runAdmin(
      storage,
      ['create-user', 'crash.tester', '--name', '测试员', '--role', 'city_admin', '--station', ST.city],
      { YOUFU_PASSWORD: PASSWORD },
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/created crash\.tester/);
  });
  afterAll(async () => {
    if (server) await server.kill9();
    await drop();
  });

  const login = async (url: string) =>
    (
      await http<LoginResponse>(url, 'POST', '/api/v1/auth/login', {
        username: 'crash.tester',
        password: PASSWORD,
        deviceId: 'crash-device-1',
      })
    ).body.token;

  /** 40 recipients with long notes and 160 aid entries: a push that takes a while. */
  const bigBatch = (f: MutationFactory): Mutation[] => {
    const out: Mutation[] = [];
    for (let i = 0; i < RECIPIENTS_PER_BATCH; i++) {
      const rid = randomUUID();
      out.push(f.upsert('recipients', rid, recipientFields(ST.yuanlingA, { healthNotes: '血压偏高，需定期复查。'.repeat(250) })));
      for (let k = 0; k < AID_PER_RECIPIENT; k++)
        out.push(f.upsert('aid', randomUUID(), aidFields(rid, ST.yuanlingA, { amountFen: 10000 + k })));
    }
    return out;
  };

  // Child processes start slowly on a busy machine (tsx, PGlite): a generous per-test timeout.
  it('loses nothing and doubles nothing when killed with SIGKILL in the middle of large pushes', { timeout: 240_000 }, async () => {
    server = await startServerProcess(storage);
    let token = await login(server.url);
    const f = new MutationFactory(`crash-client-${randomUUID().slice(0, 8)}`, () => new Date());
    const batches: Mutation[][] = [];

    // A batch that completes tells how long a push takes, to aim the kills inside one.
    const warm = bigBatch(f);
    batches.push(warm);
    const t0 = Date.now();
    const first = await http<PushResponse>(server.url, 'POST', '/api/v1/sync/push', pushBody(f.clientId, warm), token);
    const pushMs = Date.now() - t0;
    expect(first.status).toBe(200);

    const outcomes: string[] = [];
    for (const fraction of [0.5, 0.15]) {
      const batch = bigBatch(f);
      batches.push(batch);
      const inFlight = http<PushResponse>(server.url, 'POST', '/api/v1/sync/push', pushBody(f.clientId, batch), token).then(
        (r) => ({ seen: `answered ${r.status}`, answer: r.status === 200 ? r.body.results : null }),
        () => ({ seen: 'connection lost', answer: null }),
      );
      await sleep(Math.max(5, Math.round(pushMs * fraction)));
      await server.kill9();
      const { seen, answer } = await inFlight;
      server = await startServerProcess(storage);
      token = await login(server.url);
      // The outbox was kept: the client sends the same batch again.
      const retry = await http<PushResponse>(server.url, 'POST', '/api/v1/sync/push', pushBody(f.clientId, batch), token);
      expect(retry.status).toBe(200);
      const statuses = new Set(retry.body.results.map((r) => r.status));
      const replayed = new Set(retry.body.results.map((r) => r.replayed === true));
      // All or nothing: either the killed push had committed (every first verdict replayed, as
      // the server keeps them since issue 13 #10) or it left no trace (every mutation applied now).
      expect([...statuses].length).toBe(1);
      expect([...replayed].length).toBe(1);
      if (!replayed.has(true)) expect([...statuses]).toEqual(['applied']);
      if (answer !== null) {
        expect(replayed.has(true)).toBe(true);
        expect(retry.body.results).toEqual(answer.map((r) => ({ ...r, replayed: true })));
      }
      outcomes.push(`${fraction}: ${seen}, retry ${replayed.has(true) ? 'replayed ' : ''}${[...statuses][0]}`);
      expect(retry.body.lastSeq).toBe(batches.length * batch.length);
    }
    console.info(`[kill -9 on ${backend.name}] a push took ${pushMs} ms; ${outcomes.join('; ')}`);

    await server.stop();
    server = null;
    const db = await openStorage(storage);
    try {
      const n = async (sql: string) => toNumber((await db.query<{ n: unknown }>(sql))[0]?.n);
      const total = batches.length * RECIPIENTS_PER_BATCH;
      expect(await n("SELECT count(*) AS n FROM rows WHERE table_name = 'recipients'")).toBe(total);
      expect(await n("SELECT count(*) AS n FROM rows WHERE table_name = 'aid'")).toBe(total * AID_PER_RECIPIENT);
      expect(await n('SELECT count(*) AS n FROM rows WHERE rev <> 1')).toBe(0);
      // One change and one audit entry per row: no mutation was applied twice.
      expect(await n('SELECT count(*) AS n FROM changes')).toBe(total * (1 + AID_PER_RECIPIENT));
      expect(await n('SELECT count(*) AS n FROM (SELECT row_id FROM audit_log GROUP BY row_id HAVING count(*) > 1) d')).toBe(0);
      expect(await n("SELECT value AS n FROM counters WHERE name = 'change_seq'")).toBe(total * (1 + AID_PER_RECIPIENT));
      // And the server refuses to start on a database a newer version has migrated.
      await db.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'from_the_future', 'x')");
    } finally {
      await db.close();
    }
    const refused = await startServerExpectingFailure(storage);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/migration 999 .*newer/);
  });
});
