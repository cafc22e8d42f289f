import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/databases';
import {
  aidFields,
  dutyFields,
  MutationFactory,
  occurrenceFields,
  recipientFields,
  signoffFields,
  ST,
  visitFields,
} from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, pull, pullAll, pushOk, startTestServer } from '../../test/support/serverHarness';

/**
 * Issue 13 finding 1: a child row (visit, aid, duty, occurrence, request) is judged by its
 * PARENT as the server holds it, not by the station the client writes on it. And the low
 * items about sign-offs: signer, time and station come from the session and the tree.
 */
describe.each(testBackends())('push: parents and sign-offs on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const clock = new Date('2026-11-28T02:00:00Z');
  let admin: TestUser;
  let worker: TestUser;
  let futian: TestUser;
  let nanshan: TestUser;
  /** A recipient with a duty, an occurrence and a visit, at 园岭 A (the worker's) and at 南头 A (南山区). */
  const own = { rid: randomUUID(), duty: randomUUID(), occ: randomUUID(), vid: randomUUID() };
  const far = { rid: randomUUID(), duty: randomUUID(), occ: randomUUID(), vid: randomUUID() };
  const otherOwn = randomUUID();
  const seed = new MutationFactory(`client-${randomUUID()}`, () => clock);
  const client = () => new MutationFactory(`client-${randomUUID()}`, () => clock);

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => clock });
    admin = await createUser(server, 'city_admin', ST.city);
    worker = await createUser(server, 'caseworker', ST.yuanlingA);
    futian = await createUser(server, 'district_supervisor', ST.futian);
    nanshan = await createUser(server, 'district_supervisor', ST.nanshan);
    const muts = [];
    for (const [s, station] of [
      [own, ST.yuanlingA],
      [far, ST.nantouA],
    ] as const) {
      muts.push(
        seed.upsert('recipients', s.rid, recipientFields(station)),
        seed.upsert('duties', s.duty, dutyFields(s.rid, station)),
        seed.upsert('dutyOccurrences', s.occ, occurrenceFields(s.duty, s.rid, station)),
        seed.upsert('visits', s.vid, visitFields(s.rid, station, admin.id)),
      );
    }
    muts.push(seed.upsert('recipients', otherOwn, recipientFields(ST.yuanlingA)));
    const res = await pushOk(server, admin, seed.clientId, muts);
    expect(res.results.map((r) => r.status)).toEqual(muts.map(() => 'applied'));
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  const stored = async (table: string, id: string) =>
    (
      await server.db.query<{ station_code: string; data: Record<string, unknown> }>(
        'SELECT station_code, data FROM rows WHERE table_name = $1 AND row_id = $2',
        [table, id],
      )
    )[0];

  it('refuses aid, visits, duties and requests for a recipient of another district, whatever station they claim', async () => {
    const c = client();
    const aid = randomUUID();
    const nanshanBefore = new Map<string, Record<string, unknown>>();
    const cursor = await pullAll(server, nanshan, nanshanBefore);
    const res = await pushOk(server, worker, c.clientId, [
      // ¥999,999.99 in cash for a 南山区 recipient, written as if it were 园岭 A's.
      c.upsert('aid', aid, aidFields(far.rid, ST.yuanlingA, { amountFen: 99_999_999 })),
      c.upsert('visits', randomUUID(), visitFields(far.rid, ST.yuanlingA, worker.id)),
      c.upsert('duties', randomUUID(), dutyFields(far.rid, ST.yuanlingA)),
      c.upsert('requests', randomUUID(), {
        recipientId: far.rid,
        stationCode: ST.yuanlingA,
        visitId: null,
        source: 'hotline',
        topic: 'medical',
        description: '代为申请',
        urgency: 'normal',
        assigneeId: null,
        status: 'open',
        resolution: '',
        referredTo: null,
        openedAt: '2026-11-28T09:30:00+08:00',
        closedAt: null,
      }),
      // A recipient the server has never heard of answers the same.
      c.upsert('aid', randomUUID(), aidFields(randomUUID(), ST.yuanlingA)),
    ]);
    expect(res.results.map((r) => [r.status, r.reason, r.detail])).toEqual(
      Array.from({ length: 5 }, () => ['rejected', 'forbidden_scope', 'recipientId: parent_out_of_scope']),
    );
    expect(res.lastSeq).toBe(5);
    expect(await stored('aid', aid)).toBeUndefined();
    // 南山区 sees nothing new: no aid was counted there.
    const after = await pull(server, nanshan, cursor);
    expect(after.body.changes).toEqual([]);
  });

  it("refuses to re-point one of the caseworker's own rows at a recipient outside the scope", async () => {
    const c = client();
    const res = await pushOk(server, worker, c.clientId, [
      c.upsert('visits', own.vid, { recipientId: far.rid }, 1),
      c.upsert('duties', own.duty, { recipientId: far.rid }, 1),
    ]);
    expect(res.results.map((r) => r.reason)).toEqual(['forbidden_scope', 'forbidden_scope']);
    expect(await stored('visits', own.vid)).toMatchObject({ station_code: ST.yuanlingA, data: { recipientId: own.rid } });
    expect(await stored('duties', own.duty)).toMatchObject({ station_code: ST.yuanlingA, data: { recipientId: own.rid } });
  });

  it('judges the other links too: an occurrence of a foreign duty, a visit fulfilling a foreign occurrence, aid on a foreign visit', async () => {
    const c = client();
    const occ = randomUUID();
    const res = await pushOk(server, worker, c.clientId, [
      c.upsert('dutyOccurrences', occ, occurrenceFields(far.duty, own.rid, ST.yuanlingA)),
      c.upsert('visits', randomUUID(), visitFields(own.rid, ST.yuanlingA, worker.id, { dutyOccurrenceId: far.occ })),
      c.upsert('aid', randomUUID(), aidFields(own.rid, ST.yuanlingA, { visitId: far.vid })),
      c.upsert('dutyOccurrences', own.occ, { visitId: far.vid }, 1),
      // In scope, but the duty is another recipient's: the occurrence would be filed under the wrong person.
      c.upsert('dutyOccurrences', randomUUID(), occurrenceFields(own.duty, otherOwn, ST.yuanlingA)),
    ]);
    expect(res.results.map((r) => [r.reason, r.detail])).toEqual([
      ['forbidden_scope', 'dutyId: parent_out_of_scope'],
      ['forbidden_scope', 'dutyOccurrenceId: parent_out_of_scope'],
      ['forbidden_scope', 'visitId: parent_out_of_scope'],
      ['forbidden_scope', 'visitId: parent_out_of_scope'],
      ['validation_failed', 'dutyId: duty_recipient_mismatch'],
    ]);
    expect(await stored('dutyOccurrences', occ)).toBeUndefined();
    expect((await stored('dutyOccurrences', own.occ))?.data.visitId).toBeNull();
  });

  it('still takes a new recipient with its whole case file in one batch, linked together', async () => {
    const c = client();
    const rid = randomUUID();
    const duty = randomUUID();
    const occ = randomUUID();
    const vid = randomUUID();
    const res = await pushOk(server, worker, c.clientId, [
      c.upsert('recipients', rid, recipientFields(ST.yuanlingA)),
      c.upsert('duties', duty, dutyFields(rid, ST.yuanlingA)),
      c.upsert('dutyOccurrences', occ, occurrenceFields(duty, rid, ST.yuanlingA)),
      c.upsert('visits', vid, visitFields(rid, ST.yuanlingA, worker.id, { dutyOccurrenceId: occ })),
      c.upsert('aid', randomUUID(), aidFields(rid, ST.yuanlingA, { visitId: vid })),
      c.upsert('dutyOccurrences', occ, { status: 'done', doneAt: '2026-11-28T09:30:00+08:00', visitId: vid }, 1),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
  });

  it("a supervisor's visit for a recipient who moved within the district is filed at the recipient's station", async () => {
    const c = client();
    const rid = randomUUID();
    await pushOk(server, futian, c.clientId, [c.upsert('recipients', rid, recipientFields(ST.yuanlingA))]);
    await pushOk(server, futian, c.clientId, [c.upsert('recipients', rid, { stationCode: ST.nanyuanA }, 1)]);
    const vid = randomUUID();
    // Logged offline before the device heard of the move, so it names the old station.
    const res = await pushOk(server, futian, c.clientId, [c.upsert('visits', vid, visitFields(rid, ST.yuanlingA, futian.id))]);
    expect(res.results[0]?.status).toBe('applied');
    expect((await stored('visits', vid))?.station_code).toBe(ST.nanyuanA);
  });

  it("stamps a sign-off with the session's account and the server's time, whatever the device wrote", async () => {
    const c = client();
    const id = randomUUID();
    const forger = randomUUID();
    const res = await pushOk(server, futian, c.clientId, [
      c.upsert('signoffs', id, signoffFields(ST.futian, forger, { signedByName: '冒名顶替', signedAt: '2026-01-01T08:00:00+08:00' })),
    ]);
    expect(res.results[0]?.status).toBe('applied');
    const row = await stored('signoffs', id);
    expect(row?.data).toMatchObject({ signedBy: futian.id, signedByName: '测试员', signedAt: clock.toISOString(), stationCode: ST.futian });
  });

  it("takes a sign-off only for the signer's own district (or the city), never for a street or another district", async () => {
    const c = client();
    const a = client();
    const res = await pushOk(server, futian, c.clientId, [
      c.upsert('signoffs', randomUUID(), signoffFields(ST.yuanling, futian.id)),
      c.upsert('signoffs', randomUUID(), signoffFields(ST.nanshan, futian.id)),
    ]);
    expect(res.results.map((r) => [r.reason, r.detail])).toEqual([
      ['forbidden_scope', 'stationCode: signoff_not_own_station'],
      ['forbidden_scope', undefined],
    ]);
    const city = await pushOk(server, admin, a.clientId, [a.upsert('signoffs', randomUUID(), signoffFields(ST.city, admin.id))]);
    expect(city.results[0]?.status).toBe('applied');
  });
});
