import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/sync/protocol';
import { MAX_PUSH_MUTATIONS } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import { aidFields, hlcAt, MutationFactory, recipientFields, ST } from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, pushOk, startTestServer } from '../../test/support/serverHarness';
import { toNumber } from '../db/db';
import { VERDICTS_KEPT } from './verdicts';

/**
 * Issue 13 finding 10: a batch retried after its answer was lost hears the verdicts it was
 * first given (a rejection stays a rejection), not a bare "duplicate".
 */
describe.each(testBackends())('replayed pushes on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let clock = new Date('2026-11-28T02:00:00Z');
  let worker: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => clock });
    worker = await createUser(server, 'caseworker', ST.yuanlingA);
    other = await createUser(server, 'caseworker', ST.yuanlingA);
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  const client = () => new MutationFactory(`client-${randomUUID()}`, () => clock);

  it('answers a replay with each first verdict: applied, rejected with reason and detail, merged with its conflicts', async () => {
    const seed = client();
    const rid = randomUUID();
    const far = randomUUID();
    await pushOk(server, other, seed.clientId, [seed.upsert('recipients', rid, recipientFields(ST.yuanlingA))]);
    const c = client();
    // Edited offline from rev 1 while the other device changes the address a minute later.
    const edit = c.upsert('recipients', rid, { address: '甲写的地址' }, 1);
    clock = new Date(clock.getTime() + 60_000);
    await pushOk(server, other, seed.clientId, [seed.upsert('recipients', rid, { address: '乙写的地址' }, 1)]);
    const batch = [
      c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA)),
      c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA, { phones: ['12345'] })),
      c.upsert('aid', randomUUID(), aidFields(far, ST.yuanlingA)),
      edit,
    ];
    const first = await pushOk(server, worker, c.clientId, batch);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'merged']);
    expect(first.results[3]?.conflicts).toEqual([
      { field: 'address', winner: 'server', winnerValue: '乙写的地址', loserValue: '甲写的地址' },
    ]);

    // The answer is lost; the device sends the same batch again, later, in another order.
    clock = new Date(clock.getTime() + 3_600_000);
    const retry = await pushOk(server, worker, c.clientId, [...batch].reverse());
    const byId = new Map(retry.results.map((r) => [r.id, r]));
    for (const r of first.results) expect(byId.get(r.id)).toEqual({ ...r, replayed: true });
    expect(retry.lastSeq).toBe(first.lastSeq);
    // Nothing was applied twice: one conflict logged, one recipient created.
    const conflicts = await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM conflicts WHERE row_id = $1', [rid]);
    expect(toNumber(conflicts[0]?.n)).toBe(1);
  });

  it('recognises a replay whose HLC was re-stamped by a clock repair, or whose fields travel in another key order', async () => {
    const c = client();
    const m = c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA, { phones: ['12345'] }));
    const first = await pushOk(server, worker, c.clientId, [m]);
    expect(first.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' });
    const reordered = Object.fromEntries(Object.entries(m.fields).reverse());
    const restamped: Mutation = { ...m, fields: reordered, hlc: hlcAt(clock, c.clientId, 5_000) };
    const retry = await pushOk(server, worker, c.clientId, [restamped]);
    expect(retry.results[0]).toEqual({ ...first.results[0], replayed: true });
  });

  it(`keeps the newest ${VERDICTS_KEPT} verdicts of a client; older replays are answered duplicate`, { timeout: 120_000 }, async () => {
    const c = client();
    const rid = randomUUID();
    const oldest = c.upsert('recipients', rid, recipientFields(ST.yuanlingA, { phones: ['12345'] }));
    await pushOk(server, worker, c.clientId, [oldest]);
    await pushOk(server, worker, c.clientId, [c.upsert('recipients', rid, recipientFields(ST.yuanlingA))]);
    for (let done = 0; done < VERDICTS_KEPT; done += MAX_PUSH_MUTATIONS) {
      await pushOk(
        server,
        worker,
        c.clientId,
        Array.from({ length: MAX_PUSH_MUTATIONS }, (_, i) => c.upsert('recipients', rid, { address: `第 ${done + i} 次` }, 1)),
      );
    }
    const kept = await server.db.query<{ n: unknown; floor: unknown }>(
      'SELECT count(*) AS n, min(seq) AS floor FROM push_verdicts WHERE client_id = $1',
      [c.clientId],
    );
    expect(toNumber(kept[0]?.n)).toBe(VERDICTS_KEPT);
    // seqs 1 and 2 (the first two pushes) made room for the newer ones.
    expect(toNumber(kept[0]?.floor)).toBe(3);
    // The first mutation's verdict is gone: a replay of it can only be taken for a duplicate.
    expect((await pushOk(server, worker, c.clientId, [oldest])).results[0]).toEqual({ id: oldest.id, status: 'duplicate' });
  });
});
