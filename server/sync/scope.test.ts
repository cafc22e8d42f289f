import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/databases';
import { aidFields, MutationFactory, recipientFields, ST, visitFields } from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, pull, pullAll, pushOk, startTestServer } from '../../test/support/serverHarness';
import { setAccountStation } from '../auth/accounts';
import { purgeTombstones } from './tombstones';

type Rows = Map<string, Record<string, unknown>>;

describe.each(testBackends())('scopes and moves on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const clock = new Date('2026-11-28T02:00:00Z');
  let admin: TestUser;
  let futian: TestUser;
  let yuanlingA: TestUser;
  let nanyuanA: TestUser;
  let nanshan: TestUser;
  /** One recipient with a visit and an aid entry at each of four stations. */
  const seeded: Record<string, { rid: string; vid: string; aid: string }> = {};
  const adminClient = new MutationFactory(`client-${randomUUID()}`, () => clock);

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => clock });
    admin = await createUser(server, 'city_admin', ST.city);
    futian = await createUser(server, 'district_supervisor', ST.futian);
    yuanlingA = await createUser(server, 'caseworker', ST.yuanlingA);
    nanyuanA = await createUser(server, 'caseworker', ST.nanyuanA);
    nanshan = await createUser(server, 'district_supervisor', ST.nanshan);
    const muts = [];
    for (const station of [ST.yuanlingA, ST.yuanlingB, ST.nanyuanA, ST.nantouA]) {
      const s = { rid: randomUUID(), vid: randomUUID(), aid: randomUUID() };
      seeded[station] = s;
      muts.push(
        adminClient.upsert('recipients', s.rid, recipientFields(station)),
        adminClient.upsert('visits', s.vid, visitFields(s.rid, station, admin.id)),
        adminClient.upsert('aid', s.aid, aidFields(s.rid, station)),
      );
    }
    const res = await pushOk(server, admin, adminClient.clientId, muts);
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  const stationsIn = (rows: Rows) => new Set([...rows.values()].map((r) => r.stationCode as string));
  const snapshot = async (user: TestUser) => {
    const rows: Rows = new Map();
    const cursor = await pullAll(server, user, rows);
    return { rows, cursor };
  };

  it('a caseworker pulls only their own station; a supervisor the whole district; the city everything', async () => {
    expect(stationsIn((await snapshot(yuanlingA)).rows)).toEqual(new Set([ST.yuanlingA]));
    expect(stationsIn((await snapshot(futian)).rows)).toEqual(new Set([ST.yuanlingA, ST.yuanlingB, ST.nanyuanA]));
    expect(stationsIn((await snapshot(nanshan)).rows)).toEqual(new Set([ST.nantouA]));
    expect(stationsIn((await snapshot(admin)).rows)).toEqual(new Set([ST.yuanlingA, ST.yuanlingB, ST.nanyuanA, ST.nantouA]));
    expect((await snapshot(yuanlingA)).rows.size).toBe(3);
  });

  it('a caseworker cannot write rows of another station or district, even knowing their ids', async () => {
    const c = new MutationFactory(`client-${randomUUID()}`, () => clock);
    const other = seeded[ST.nanyuanA]!;
    const far = seeded[ST.nantouA]!;
    const res = await pushOk(server, yuanlingA, c.clientId, [
      c.upsert('recipients', other.rid, { address: '篡改' }, 1),
      c.upsert('recipients', far.rid, recipientFields(ST.yuanlingA), 0),
      c.delete('visits', far.vid, 1),
      c.upsert('aid', other.aid, { voided: true, voidReason: '篡改' }, 1),
      // Creating a row in someone else's station is refused too…
      c.upsert('recipients', randomUUID(), recipientFields(ST.nanyuanA)),
      // …and an unknown id answers exactly like a hidden one.
      c.upsert('recipients', randomUUID(), { address: '篡改' }, 3),
      c.delete('visits', randomUUID(), 1),
    ]);
    expect(res.results.map((r) => [r.status, r.reason])).toEqual(Array.from({ length: 7 }, () => ['rejected', 'forbidden_scope']));
    expect(res.lastSeq).toBe(7);
    const [row] = await server.db.query<{ data: { address: string } }>('SELECT data FROM rows WHERE row_id = $1', [other.rid]);
    expect(row?.data.address).not.toBe('篡改');
  });

  it('a supervisor writes anywhere in the district and nowhere outside it; staff rows need a supervisor', async () => {
    const c = new MutationFactory(`client-${randomUUID()}`, () => clock);
    const res = await pushOk(server, futian, c.clientId, [
      c.upsert('recipients', seeded[ST.nanyuanA]!.rid, { address: '福田区内' }, 1),
      c.upsert('recipients', seeded[ST.nantouA]!.rid, { address: '南山区' }, 1),
      c.upsert('staff', randomUUID(), {
        name: '新同事',
        username: 'new.colleague',
        role: 'caseworker',
        stationCode: ST.nanyuanA,
        phone: null,
        active: true,
      }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    const w = new MutationFactory(`client-${randomUUID()}`, () => clock);
    const byWorker = await pushOk(server, yuanlingA, w.clientId, [
      w.upsert('staff', randomUUID(), {
        name: '自己加',
        username: 'self.added',
        role: 'caseworker',
        stationCode: ST.yuanlingA,
        phone: null,
        active: true,
      }),
    ]);
    expect(byWorker.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_role' });
  });

  it('a recipient moved to another station leaves the old scope with its case file and arrives in the new one', async () => {
    const s = seeded[ST.yuanlingA]!;
    const oldSide = await snapshot(yuanlingA);
    const newSide = await snapshot(nanyuanA);
    const district = await snapshot(futian);
    expect(oldSide.rows.has(`recipients/${s.rid}`)).toBe(true);
    expect(newSide.rows.has(`recipients/${s.rid}`)).toBe(false);

    // The caseworker hands the recipient over to 南园 (out of their own scope).
    const c = new MutationFactory(`client-${randomUUID()}`, () => clock);
    const res = await pushOk(server, yuanlingA, c.clientId, [c.upsert('recipients', s.rid, { stationCode: ST.nanyuanA }, 1)]);
    expect(res.results[0]?.status).toBe('applied');

    const oldRows = oldSide.rows;
    const oldPull = await pull(server, yuanlingA, oldSide.cursor);
    expect(oldPull.body.changes.map((ch) => [ch.table, ch.rowId, ch.op, ch.row]).sort()).toEqual([
      ['aid', s.aid, 'delete', null],
      ['recipients', s.rid, 'delete', null],
      ['visits', s.vid, 'delete', null],
    ]);
    await pullAll(server, yuanlingA, oldRows, oldSide.cursor);
    expect(oldRows.size).toBe(0);

    await pullAll(server, nanyuanA, newSide.rows, newSide.cursor);
    for (const key of [`recipients/${s.rid}`, `visits/${s.vid}`, `aid/${s.aid}`]) {
      expect(newSide.rows.get(key)?.stationCode).toBe(ST.nanyuanA);
    }
    // Inside the district the rows simply change station: no removal, the new state.
    const districtPull = await pull(server, futian, district.cursor);
    expect(districtPull.body.changes.every((ch) => ch.op === 'upsert' && ch.row?.stationCode === ST.nanyuanA)).toBe(true);

    // The old station can no longer touch it, nor add to its case file: the recipient is judged
    // where the server holds it now (a visit logged there offline is refused, not filed at 南园).
    const late = await pushOk(server, yuanlingA, c.clientId, [
      c.upsert('recipients', s.rid, { address: '迁出后' }, 1),
      c.upsert('visits', randomUUID(), visitFields(s.rid, ST.yuanlingA, yuanlingA.id)),
    ]);
    expect(late.results.map((r) => r.reason ?? r.status)).toEqual(['forbidden_scope', 'forbidden_scope']);
    const moved = await server.db.query<{ station_code: string }>(
      "SELECT station_code FROM rows WHERE table_name = 'visits' AND data ->> 'recipientId' = $1",
      [s.rid],
    );
    expect(moved.map((r) => r.station_code)).toEqual([ST.nanyuanA]);
  });

  it('asks a device to refetch when its account moves to another station, then serves the new scope', async () => {
    const user = await createUser(server, 'caseworker', ST.yuanlingB);
    const first = await snapshot(user);
    expect(stationsIn(first.rows)).toEqual(new Set([ST.yuanlingB]));
    await setAccountStation(server.db, user.username, ST.nantouA);
    const stale = await pull(server, user, first.cursor);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('must_refetch');
    const fresh = await snapshot(user);
    expect(stationsIn(fresh.rows)).toEqual(new Set([ST.nantouA]));
    expect((await pull(server, user, fresh.cursor)).status).toBe(200);
  });

  it('asks for a refetch below the tombstone horizon and for a cursor the server never issued', async () => {
    const c = new MutationFactory(`client-${randomUUID()}`, () => clock);
    const user = await createUser(server, 'caseworker', ST.yuanlingB);
    const before = await snapshot(user);
    const vid = randomUUID();
    await pushOk(server, user, c.clientId, [c.upsert('visits', vid, visitFields(seeded[ST.yuanlingB]!.rid, ST.yuanlingB, user.id))]);
    await pushOk(server, user, c.clientId, [c.delete('visits', vid, 1)]);
    const { purgedRows, horizon } = await purgeTombstones(server.db, new Date(clock.getTime() + 1));
    expect(purgedRows).toBeGreaterThanOrEqual(1);
    expect(horizon).toBeGreaterThan(before.cursor);
    const old = await pull(server, user, before.cursor);
    expect(old.body.error.code).toBe('must_refetch');
    const again = await snapshot(user);
    expect(again.rows.has(`visits/${vid}`)).toBe(false);
    expect(again.rows.has(`recipients/${seeded[ST.yuanlingB]!.rid}`)).toBe(true);
    const future = await pull(server, user, again.cursor + 1000);
    expect(future.body.error.code).toBe('must_refetch');
  });
});
