import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import { MutationFactory, recipientFields, ST, visitFields } from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, pullAll, pushOk, startTestServer } from '../../test/support/serverHarness';
import { inScope } from '../scope';

/** mulberry32: a seeded PRNG, so a failing interleaving can be told apart from the next run's. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRITERS = 4;
const ROUNDS = 12;
const STATIONS = [ST.yuanlingA, ST.yuanlingB, ST.nanyuanA];

describe.each(testBackends())('concurrent writers and pullers on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db);
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  it('never skips a change: every puller ends with exactly the rows and revisions of its scope', { timeout: 180_000 }, async () => {
    const seed = Date.now() % 100_000;
    const rand = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    // Writers are supervisors, so they may move rows between the stations; readers see parts.
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => createUser(server, 'district_supervisor', ST.futian)));
    const readers: TestUser[] = [
      await createUser(server, 'district_supervisor', ST.futian),
      await createUser(server, 'caseworker', ST.yuanlingA),
      await createUser(server, 'caseworker', ST.nanyuanA),
    ];
    const scopes = [ST.futian, ST.yuanlingA, ST.nanyuanA];
    /** Rows every writer knows: [rowId, rev it last saw]. */
    const known: { table: 'recipients' | 'visits'; rowId: string; recipientId: string; rev: number }[] = [];
    let writing = true;

    const writer = async (user: TestUser) => {
      const f = new MutationFactory(`client-${randomUUID()}`, () => new Date());
      for (let round = 0; round < ROUNDS; round++) {
        const batch: Mutation[] = [];
        for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
          const r = rand();
          if (known.length < 3 || r < 0.4) {
            const rid = randomUUID();
            batch.push(f.upsert('recipients', rid, recipientFields(pick(STATIONS))));
            known.push({ table: 'recipients', rowId: rid, recipientId: rid, rev: 1 });
          } else if (r < 0.6) {
            const target = pick(known.filter((x) => x.table === 'recipients'));
            const vid = randomUUID();
            batch.push(f.upsert('visits', vid, visitFields(target.recipientId, STATIONS[0]!, user.id)));
            known.push({ table: 'visits', rowId: vid, recipientId: target.recipientId, rev: 1 });
          } else if (r < 0.8) {
            const target = pick(known);
            batch.push(f.upsert(target.table, target.rowId, { notes: `r${round}`, address: `第 ${round} 轮` }, target.rev));
          } else {
            const target = pick(known.filter((x) => x.table === 'recipients'));
            batch.push(f.upsert('recipients', target.rowId, { stationCode: pick(STATIONS) }, target.rev));
          }
        }
        await pushOk(server, user, f.clientId, batch);
      }
    };

    const puller = async (user: TestUser) => {
      const rows = new Map<string, Record<string, unknown>>();
      let cursor = 0;
      let pulls = 0;
      while (writing) {
        cursor = await pullAll(server, user, rows, cursor, 1 + Math.floor(rand() * 9));
        pulls += 1;
      }
      cursor = await pullAll(server, user, rows, cursor, 50);
      return { rows, pulls };
    };

    const pulling = readers.map((u) => puller(u));
    await Promise.all(writers.map((u) => writer(u)));
    writing = false;
    const results = await Promise.all(pulling);

    const truth = await server.db.query<{ table_name: string; row_id: string; station_code: string; rev: number; deleted: boolean }>(
      'SELECT table_name, row_id, station_code, rev, deleted FROM rows',
    );
    readers.forEach((_, i) => {
      const expected = new Map(
        truth.filter((t) => !t.deleted && inScope(t.station_code, [scopes[i]!])).map((t) => [`${t.table_name}/${t.row_id}`, t.rev]),
      );
      const got = new Map([...results[i]!.rows].map(([k, v]) => [k, v.rev as number]));
      expect(got, `reader ${i} (seed ${seed})`).toEqual(expected);
      expect(results[i]!.pulls).toBeGreaterThan(1);
    });
    expect(truth.length).toBeGreaterThan(WRITERS * ROUNDS);
  });
});
