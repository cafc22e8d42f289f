import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/databases';
import { aidFields, MutationFactory, recipientFields, ST, visitFields } from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, http, pull, pullAll, push, pushBody, pushOk, startTestServer } from '../../test/support/serverHarness';
import { toNumber } from '../db/db';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testBackends())('push on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let clock = new Date('2026-11-28T02:00:00Z');
  let worker: TestUser;
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => clock });
    worker = await createUser(server, 'caseworker', ST.yuanlingA);
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  const client = () => new MutationFactory(`client-${randomUUID()}`, () => clock);
  const count = async (sql: string, params: string[] = []) => toNumber((await server.db.query<{ n: unknown }>(sql, params))[0]?.n);
  const lastSeqOf = async (clientId: string) => count('SELECT last_seq AS n FROM client_state WHERE client_id = $1', [clientId]);

  it('applies a new recipient with a visit and aid, stamping rev and audit', async () => {
    const c = client();
    const rid = randomUUID();
    const vid = randomUUID();
    const aid = randomUUID();
    const res = await pushOk(server, worker, c.clientId, [
      c.upsert('recipients', rid, recipientFields(ST.yuanlingA)),
      c.upsert('visits', vid, visitFields(rid, ST.yuanlingA, worker.id)),
      c.upsert('aid', aid, aidFields(rid, ST.yuanlingA)),
    ]);
    expect(res.lastSeq).toBe(3);
    expect(res.results.map((r) => [r.status, r.rev])).toEqual([
      ['applied', 1],
      ['applied', 1],
      ['applied', 1],
    ]);
    const [row] = await server.db.query<{ data: Record<string, unknown>; station_code: string }>(
      "SELECT data, station_code FROM rows WHERE table_name = 'recipients' AND row_id = $1",
      [rid],
    );
    expect(row?.station_code).toBe(ST.yuanlingA);
    expect(row?.data).toMatchObject({ id: rid, rev: 1, name: '张建国', updatedAt: clock.toISOString() });
    expect(await count('SELECT count(*) AS n FROM audit_log WHERE client_id = $1', [c.clientId])).toBe(3);
    const [audit] = await server.db.query<{ account_id: string; device_id: string; fields: string[] }>(
      'SELECT account_id, device_id, fields FROM audit_log WHERE row_id = $1',
      [rid],
    );
    expect(audit).toMatchObject({ account_id: worker.id, device_id: worker.deviceId });
    expect(audit?.fields).toContain('idNumber');
  });

  it('answers the same batch twice (a lost response, retried) with the first verdicts: no second aid', async () => {
    const c = client();
    const rid = randomUUID();
    const batch = [
      c.upsert('recipients', rid, recipientFields(ST.yuanlingA)),
      c.upsert('aid', randomUUID(), aidFields(rid, ST.yuanlingA)),
      c.upsert('aid', randomUUID(), aidFields(rid, ST.yuanlingA, { amountFen: 20000 })),
    ];
    // The first answer is "lost": the client never reads it and sends the batch again.
    const first = await pushOk(server, worker, c.clientId, batch);
    const retry = await pushOk(server, worker, c.clientId, batch);
    expect(retry.results).toEqual(first.results.map((r) => ({ ...r, replayed: true })));
    expect(retry.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(retry.lastSeq).toBe(3);
    expect(await count("SELECT count(*) AS n FROM rows WHERE table_name = 'aid' AND data ->> 'recipientId' = $1", [rid])).toBe(2);
    expect(
      await count(
        "SELECT count(*) AS n FROM changes WHERE table_name = 'aid' AND row_id IN (SELECT row_id FROM rows WHERE data ->> 'recipientId' = $1)",
        [rid],
      ),
    ).toBe(2);
  });

  it('accepts gaps in seq, sorts a batch by seq, and answers a replayed older batch as first answered', async () => {
    const c = client();
    const rid = randomUUID();
    const first = c.upsert('recipients', rid, recipientFields(ST.yuanlingA));
    c.skip(5); // entries 2–6 were dropped by the client (e.g. coalesced): the gap is fine
    const later = c.upsert('recipients', rid, { address: '新地址 1 号' }, 1);
    const res = await pushOk(server, worker, c.clientId, [later, first]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(res.lastSeq).toBe(7);
    const next = c.upsert('recipients', rid, { address: '新地址 2 号' }, 2);
    expect((await pushOk(server, worker, c.clientId, [next])).lastSeq).toBe(8);
    // An old batch arriving after a newer one was already applied (only ever a replay).
    const replay = await pushOk(server, worker, c.clientId, [first, later]);
    expect(replay.results.map((r) => [r.status, r.rev, r.replayed])).toEqual([
      ['applied', 1, true],
      ['applied', 2, true],
    ]);
    const [row] = await server.db.query<{ data: { address: string }; rev: number }>('SELECT data, rev FROM rows WHERE row_id = $1', [rid]);
    expect(row).toMatchObject({ rev: 3, data: { address: '新地址 2 号' } });
  });

  it('rejects a permanently invalid mutation with a reason and still advances lastSeq', async () => {
    const c = client();
    const rid = randomUUID();
    const res = await pushOk(server, worker, c.clientId, [
      c.upsert('recipients', rid, recipientFields(ST.yuanlingA, { phones: ['12345'] })),
      c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA)),
      c.upsert('recipients', randomUUID(), { name: '只有名字' }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'applied', 'rejected']);
    expect(res.results[0]?.reason).toBe('validation_failed');
    expect(res.results[0]?.detail).toMatch(/phones\.0: phone_format/);
    expect(res.lastSeq).toBe(3);
    expect(await lastSeqOf(c.clientId)).toBe(3);
    expect(await count('SELECT count(*) AS n FROM rows WHERE row_id = $1', [rid])).toBe(0);
  });

  it('never deletes aid; other deletes become tombstones that travel in pulls', async () => {
    const c = client();
    const rid = randomUUID();
    const aid = randomUUID();
    const vid = randomUUID();
    await pushOk(server, worker, c.clientId, [
      c.upsert('recipients', rid, recipientFields(ST.yuanlingA)),
      c.upsert('aid', aid, aidFields(rid, ST.yuanlingA)),
      c.upsert('visits', vid, visitFields(rid, ST.yuanlingA, worker.id)),
    ]);
    const before = await pull(server, worker, 0);
    const res = await pushOk(server, worker, c.clientId, [c.delete('aid', aid, 1), c.delete('visits', vid, 1)]);
    expect(res.results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'aid_not_deletable'],
      ['applied', undefined],
    ]);
    const after = await pull(server, worker, before.body.cursor);
    expect(after.body.changes).toEqual([{ table: 'visits', rowId: vid, rev: 2, op: 'delete', row: null }]);
    // Voiding is the way to correct aid.
    const v = await pushOk(server, worker, c.clientId, [c.upsert('aid', aid, { voided: true, voidReason: '重复录入' }, 1)]);
    expect(v.results[0]?.status).toBe('applied');
    // Editing a deleted row is refused rather than bringing it back.
    const edit = await pushOk(server, worker, c.clientId, [c.upsert('visits', vid, { notes: '补记' }, 1)]);
    expect(edit.results[0]).toMatchObject({ status: 'rejected', reason: 'row_deleted' });
  });

  it('merges two clients: the later HLC wins a shared field, the loser is logged, disjoint fields both stay', async () => {
    const a = client();
    const b = client();
    const rid = randomUUID();
    await pushOk(server, worker, a.clientId, [a.upsert('recipients', rid, recipientFields(ST.yuanlingA, { phones: ['13800000001'] }))]);
    // Both edit offline from rev 1; B's edit happens a minute later than A's.
    const editA = a.upsert('recipients', rid, { phones: ['13811111111'], address: 'A 写的地址' }, 1);
    clock = new Date(clock.getTime() + 60_000);
    const editB = b.upsert('recipients', rid, { phones: ['13822222222'], healthNotes: 'B 写的健康情况' }, 1);
    // B syncs first, then A (whose edit is older): B still wins the phone.
    const rb = await pushOk(server, worker, b.clientId, [editB]);
    const ra = await pushOk(server, worker, a.clientId, [editA]);
    expect(rb.results[0]?.status).toBe('applied');
    expect(ra.results[0]).toMatchObject({
      status: 'merged',
      conflicts: [{ field: 'phones', winner: 'server', loserValue: ['13811111111'], winnerValue: ['13822222222'] }],
    });
    const [row] = await server.db.query<{ data: Record<string, unknown> }>('SELECT data FROM rows WHERE row_id = $1', [rid]);
    expect(row?.data).toMatchObject({ phones: ['13822222222'], address: 'A 写的地址', healthNotes: 'B 写的健康情况' });
    const logged = await server.db.query<{ field: string; loser_value: unknown; winner_value: unknown; winner: string; client_id: string }>(
      'SELECT field, loser_value, winner_value, winner, client_id FROM conflicts WHERE row_id = $1',
      [rid],
    );
    expect(logged).toEqual([
      { field: 'phones', loser_value: ['13811111111'], winner_value: ['13822222222'], winner: 'server', client_id: a.clientId },
    ]);
  });

  it('the same two edits in the other order reach the same result', async () => {
    const a = client();
    const b = client();
    const rid = randomUUID();
    await pushOk(server, worker, a.clientId, [a.upsert('recipients', rid, recipientFields(ST.yuanlingA))]);
    const editA = a.upsert('recipients', rid, { address: '甲' }, 1);
    clock = new Date(clock.getTime() + 1000);
    const editB = b.upsert('recipients', rid, { address: '乙' }, 1);
    await pushOk(server, worker, a.clientId, [editA]);
    const rb = await pushOk(server, worker, b.clientId, [editB]);
    expect(rb.results[0]).toMatchObject({ status: 'merged', conflicts: [{ field: 'address', winner: 'client', loserValue: '甲' }] });
    const [row] = await server.db.query<{ data: { address: string } }>('SELECT data FROM rows WHERE row_id = $1', [rid]);
    expect(row?.data.address).toBe('乙');
  });

  it('refuses a batch from a clock two days ahead with clock_skew, applies nothing, and accepts it once clocks agree', async () => {
    const c = client();
    const rid = randomUUID();
    const ahead = new MutationFactory(c.clientId, () => new Date(clock.getTime() + 2 * DAY));
    const batch = [
      ahead.upsert('recipients', rid, recipientFields(ST.yuanlingA)),
      ahead.upsert('aid', randomUUID(), aidFields(rid, ST.yuanlingA)),
    ];
    const headBefore = await count("SELECT value AS n FROM counters WHERE name = 'change_seq'");
    const r = await push(server, worker, c.clientId, batch);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('clock_skew');
    expect(await count('SELECT count(*) AS n FROM rows WHERE row_id = $1', [rid])).toBe(0);
    expect(await count("SELECT value AS n FROM counters WHERE name = 'change_seq'")).toBe(headBefore);
    expect(await count('SELECT count(*) AS n FROM client_state WHERE client_id = $1', [c.clientId])).toBe(0);
    // The server's clock catches up (or the HLCs were right and the server's was wrong).
    clock = new Date(clock.getTime() + 2 * DAY);
    const ok = await pushOk(server, worker, c.clientId, batch);
    expect(ok.results.map((x) => x.status)).toEqual(['applied', 'applied']);
  });

  it('refuses an unsupported protocol or schema version with a clear error and applies nothing', async () => {
    const c = client();
    const rid = randomUUID();
    const m = [c.upsert('recipients', rid, recipientFields(ST.yuanlingA))];
    const oldSchema = await http<{ error: { code: string; message: string } }>(
      server.baseUrl,
      'POST',
      '/api/v1/sync/push',
      pushBody(c.clientId, m, { schemaVersion: 0 }),
      worker.token,
    );
    expect(oldSchema.status).toBe(400);
    expect(oldSchema.body.error.code).toBe('schema_version_unsupported');
    expect(oldSchema.body.error.message).toMatch(/update the app/);
    const newProtocol = await http<{ error: { code: string } }>(
      server.baseUrl,
      'POST',
      '/api/v1/sync/push',
      pushBody(c.clientId, m, { protocolVersion: 2 }),
      worker.token,
    );
    expect(newProtocol.body.error.code).toBe('protocol_version_unsupported');
    const malformed = await http<{ error: { code: string } }>(
      server.baseUrl,
      'POST',
      '/api/v1/sync/push',
      { clientId: c.clientId },
      worker.token,
    );
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    expect(await count('SELECT count(*) AS n FROM rows WHERE row_id = $1', [rid])).toBe(0);
  });

  it('refuses a clientId that belongs to another account', async () => {
    const c = client();
    await pushOk(server, worker, c.clientId, [c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA))]);
    const other = await createUser(server, 'caseworker', ST.yuanlingA);
    const r = await push(server, other, c.clientId, [c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA))]);
    expect(r.status).toBe(403);
  });

  it('pulls what was pushed, paged, with a remaining count', async () => {
    const c = client();
    const station = ST.yuanlingB;
    const user = await createUser(server, 'caseworker', station);
    const ids = Array.from({ length: 25 }, () => randomUUID());
    await pushOk(
      server,
      user,
      c.clientId,
      ids.map((id) => c.upsert('recipients', id, recipientFields(station))),
    );
    const first = await pull(server, user, 0, 10);
    expect(first.body).toMatchObject({ hasMore: true, remaining: 15 });
    expect(first.body.changes).toHaveLength(10);
    // Later pages estimate from the page's density (here every change is in scope: exact).
    const second = await pull(server, user, first.body.cursor, 10);
    expect(second.body).toMatchObject({ hasMore: true, remaining: 5 });
    const last = await pull(server, user, second.body.cursor, 10);
    expect(last.body).toMatchObject({ hasMore: false, remaining: 0 });
    expect(last.body.changes).toHaveLength(5);
    const rows = new Map<string, Record<string, unknown>>();
    await pullAll(server, user, rows, 0, 10);
    expect([...rows.keys()].sort()).toEqual(ids.map((id) => `recipients/${id}`).sort());
  });
});
