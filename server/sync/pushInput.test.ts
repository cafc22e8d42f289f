import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { ErrorBody, Mutation, PushResponse } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import { hlcAt, MutationFactory, recipientFields, ST, visitFields } from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, http, pull, push, pushOk, startTestServer } from '../../test/support/serverHarness';
import { toNumber } from '../db/db';

/**
 * Issue 13 finding 4 (characters PostgreSQL refuses must not fail a whole batch) and the low
 * items on malformed batches: duplicate ids or seqs, a reused seq, an HLC of another node.
 */
describe.each(testBackends())('push input on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const clock = new Date('2026-11-28T02:00:00Z');
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
  const rowCount = async (rowId: string) =>
    toNumber((await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM rows WHERE row_id = $1', [rowId]))[0]?.n);
  const lastSeqOf = async (clientId: string) =>
    toNumber((await server.db.query<{ n: unknown }>('SELECT last_seq AS n FROM client_state WHERE client_id = $1', [clientId]))[0]?.n ?? 0);

  it('refuses a mutation holding NUL or a lone surrogate on its own, anywhere in the row, and applies the rest of the batch', async () => {
    const c = client();
    const rid = randomUUID();
    const bad = [
      c.upsert('visits', randomUUID(), visitFields(rid, ST.yuanlingA, worker.id, { notes: '血压\u0000偏高' })),
      c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA, { address: '园岭\ud800新村' })),
      // Deep inside an array of objects, and in an object KEY.
      c.upsert(
        'recipients',
        randomUUID(),
        recipientFields(ST.yuanlingA, { emergencyContacts: [{ name: '李四', relation: '儿子', phone: '13800138001', ['\u0000']: 1 }] }),
      ),
      c.upsert(
        'recipients',
        randomUUID(),
        recipientFields(ST.yuanlingA, { categories: [{ code: 'martyr_family', relation: 'parent', fallenName: '\udc00' }] }),
      ),
      // A field the schema does not even know.
      c.upsert('recipients', randomUUID(), { ...recipientFields(ST.yuanlingA), extra: { deep: ['x\u0000'] } }),
    ];
    const res = await pushOk(server, worker, c.clientId, [
      c.upsert('recipients', rid, recipientFields(ST.yuanlingA)),
      ...bad,
      c.upsert('visits', randomUUID(), visitFields(rid, ST.yuanlingA, worker.id, { notes: '正常' })),
    ]);
    expect(res.results.map((r) => [r.status, r.reason, r.detail])).toEqual([
      ['applied', undefined, undefined],
      ['rejected', 'validation_failed', 'notes: text_invalid_chars'],
      ['rejected', 'validation_failed', 'address: text_invalid_chars'],
      ['rejected', 'validation_failed', 'emergencyContacts.0: text_invalid_chars'],
      ['rejected', 'validation_failed', 'categories.0.fallenName: text_invalid_chars'],
      ['rejected', 'validation_failed', 'extra.deep.0: text_invalid_chars'],
      ['applied', undefined, undefined],
    ]);
    // The rejections advance lastSeq like any other: the device's outbox moves on.
    expect(res.lastSeq).toBe(7);
    expect(await lastSeqOf(c.clientId)).toBe(7);
    for (const m of bad) expect(await rowCount(m.rowId)).toBe(0);
    // And the device can go on syncing.
    const next = await pushOk(server, worker, c.clientId, [c.upsert('recipients', rid, { address: '新地址' }, 1)]);
    expect(next.results[0]?.status).toBe('applied');
  });

  it('refuses a value nested 6,000 deep with a reason, not a 500', async () => {
    const c = client();
    const m = c.upsert('recipients', randomUUID(), { ...recipientFields(ST.yuanlingA), extra: '@DEEP@' });
    // Written out by hand: JSON.stringify itself runs out of stack on such a value.
    const body = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: c.clientId,
      mutations: [m],
    }).replace('"@DEEP@"', `${'{"a":'.repeat(6000)}"x"${'}'.repeat(6000)}`);
    const res = await fetch(`${server.baseUrl}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${worker.token}` },
      body,
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as PushResponse;
    expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' });
    expect(answer.results[0]?.detail).toMatch(/^extra(\.a)+: nesting_too_deep$/);
    expect(answer.lastSeq).toBe(1);
  });

  it.each([
    ['clientId', (m: Mutation) => ({ clientId: 'client-\u0000-x', mutations: [m] })],
    ['clientId (lone surrogate)', (m: Mutation) => ({ clientId: 'client-\ud800-x', mutations: [m] })],
    ['rowId', (m: Mutation) => ({ mutations: [{ ...m, rowId: 'row\u0000' }] })],
    ['hlc', (m: Mutation) => ({ mutations: [{ ...m, hlc: `${m.hlc}\u0000` }] })],
  ])('answers NUL or a lone surrogate in %s with 400, not 500', async (_what, body) => {
    const c = client();
    const m = c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA));
    const r = await http<ErrorBody>(
      server.baseUrl,
      'POST',
      '/api/v1/sync/push',
      { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId: c.clientId, ...body(m) },
      worker.token,
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(await rowCount(m.rowId)).toBe(0);
  });

  it.each([
    ['username', { username: 'demo\u0000', deviceId: 'device-12345678' }],
    ['username (lone surrogate)', { username: '\udc00demo', deviceId: 'device-12345678' }],
    ['deviceId', { username: 'someone', deviceId: 'device-\u0000-1234' }],
  ])('answers NUL or a lone surrogate in the login %s with 400, not 500', async (_what, body) => {
    const r = await http<ErrorBody>(server.baseUrl, 'POST', '/api/v1/auth/login', { ...body, password: 'any-password-1' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
  });

  it('refuses a batch naming one mutation id or one seq twice with 400, and applies none of it', async () => {
    const c = client();
    const rid = randomUUID();
    const m = c.upsert('recipients', rid, recipientFields(ST.yuanlingA));
    const sameId = await push(server, worker, c.clientId, [
      m,
      { ...c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA)), id: m.id },
    ]);
    expect(sameId.status).toBe(400);
    expect(sameId.body.error.message).toMatch(/appears twice/);
    const sameSeq = await push(server, worker, c.clientId, [
      m,
      { ...c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA)), seq: m.seq },
    ]);
    expect(sameSeq.status).toBe(400);
    expect(await rowCount(rid)).toBe(0);
    expect(await lastSeqOf(c.clientId)).toBe(0);
  });

  it('refuses new content under a seq already taken, instead of dropping it as a duplicate', async () => {
    const c = client();
    const rid = randomUUID();
    const first = await pushOk(server, worker, c.clientId, [c.upsert('recipients', rid, recipientFields(ST.yuanlingA))]);
    expect(first.lastSeq).toBe(1);
    // Another edit sent under seq 1 again (a restored database reusing its counter, say).
    const reused: Mutation = { ...c.upsert('recipients', rid, { address: '被吞掉的修改' }, 1), seq: 1 };
    const res = await pushOk(server, worker, c.clientId, [reused]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'seq_reused' });
    // The same id sent again with other content is refused too.
    const changed: Mutation = { ...reused, id: first.results[0]!.id, fields: { address: '改过的内容' } };
    expect((await pushOk(server, worker, c.clientId, [changed])).results[0]).toMatchObject({
      status: 'rejected',
      reason: 'mutation_id_reused',
    });
    const [row] = await server.db.query<{ data: { address: string } }>('SELECT data FROM rows WHERE row_id = $1', [rid]);
    expect(row?.data.address).toBe('园岭新村 12 栋');
  });

  it('refuses an edit whose HLC names another node than the pushing client: it would be attributed to someone else', async () => {
    const c = client();
    const victim = client();
    const rid = randomUUID();
    const m: Mutation = { ...c.upsert('recipients', rid, recipientFields(ST.yuanlingA)), hlc: hlcAt(clock, victim.clientId) };
    const res = await pushOk(server, worker, c.clientId, [m, c.upsert('recipients', randomUUID(), recipientFields(ST.yuanlingA))]);
    expect(res.results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'hlc_foreign_node'],
      ['applied', undefined],
    ]);
    expect(res.lastSeq).toBe(2);
    expect(await rowCount(rid)).toBe(0);
    expect((await pull(server, worker, 0)).status).toBe(200);
  });
});
