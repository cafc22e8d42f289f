import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/domain/enums';
import { createAccount } from '../../server/auth/accounts';
import { DEMO_PASSWORD, loadDemo } from '../../server/demo/loadDemo';
import { addAid } from '../../renderer/db/aidRepository';
import { createRecipient, updateRecipient } from '../../renderer/db/recipientRepository';
import { searchRecipientIds } from '../../renderer/db/queries/caseload';
import { recipientById, recipientTimeline } from '../../renderer/db/queries/recipient';
import { upsertRow } from '../../renderer/db/repository';
import { readSyncState } from '../../renderer/db/syncStateRepository';
import { countOutbox } from '../../renderer/db/outboxRepository';
import { testBackends } from '../support/databases';
import { ST, aidFields, recipientFields } from '../support/fixtures';
import { type TestServer, startTestServer } from '../support/serverHarness';
import { type SimClient, comparable, replicaRows, serverRows, signInClient, syncUntilSettled } from './syncClient';

const PASSWORD = 'station-pass-1';

describe.each(testBackends())('sync engine against a real server ($name)', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const clients: SimClient[] = [];

  beforeEach(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.db.close();
    await server.close();
    await drop();
  });

  async function account(username: string, role: StaffRole, stationCode: string): Promise<void> {
    await createAccount(server.db, { username, name: '测试员', role, stationCode, password: PASSWORD });
  }

  async function client(
    name: string,
    username: string,
    opts: Parameters<typeof signInClient>[4] = {},
    password = PASSWORD,
  ): Promise<SimClient> {
    const c = await signInClient(server, name, username, password, opts);
    clients.push(c);
    return c;
  }

  async function newRecipient(c: SimClient, stationCode: string, over: Record<string, unknown> = {}): Promise<string> {
    const id = randomUUID();
    const r = await createRecipient(c.ctx, { id, ...recipientFields(stationCode, over) } as Parameters<typeof createRecipient>[1]);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return id;
  }

  it('bootstraps a station page by page with progress, and resumes after an interrupted first sync', async () => {
    await loadDemo(server.db, { recipients: 250, seed: 11, today: '2026-11-28' });
    const progress: number[] = [];
    const c = await client(
      'demo',
      'demo-caseworker',
      {
        pullPageSize: 150,
        onProgress: (p) => {
          if (p.phase === 'pull') progress.push(Math.round((p.done / p.total) * 100));
        },
      },
      DEMO_PASSWORD,
    );
    // The network drops at the third page of the first sync.
    c.failPull = (n) => n === 3;

    const first = await c.engine.sync();
    expect(first.ok).toBe(false);
    const cursorAfterFirst = await readSyncState(c.db, 'cursor');
    expect(cursorAfterFirst).toBeGreaterThan(0);

    const second = await c.engine.sync();
    expect(second.ok).toBe(true);
    // The second sync continued from the saved cursor instead of starting over.
    expect(c.transportCalls.pull.slice(3)[0]).toBe(cursorAfterFirst);

    const local = await replicaRows(c);
    expect(local.size).toBeGreaterThan(100);
    expect(comparable(local)).toEqual(comparable(await serverRows(server, await demoScope(server))));
    expect(progress.at(-1)).toBe(100);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('carries an offline visit and aid to the server and to a second device', async () => {
    await account('cw-a', 'caseworker', ST.yuanlingA);
    await account('cw-a2', 'caseworker', ST.yuanlingA);
    const a = await client('a', 'cw-a');
    const b = await client('b', 'cw-a2');
    const rid = await newRecipient(a, ST.yuanlingA);
    const aidId = randomUUID();
    expect((await addAid(a.ctx, { id: aidId, ...aidFields(rid, ST.yuanlingA) } as Parameters<typeof addAid>[1])).ok).toBe(true);
    expect(await countOutbox(a.db)).toBeGreaterThan(1);

    await syncUntilSettled(a);
    expect(await countOutbox(a.db)).toBe(0);
    await syncUntilSettled(b);
    // As the recipient's profile shows it on the second device.
    const onB = (await recipientTimeline(b.db, rid)).flatMap((e) => (e.kind === 'aid' && e.row.id === aidId ? [e.row] : []))[0];
    expect(onB?.amountFen).toBe(50000);
    expect(await recipientById(b.db, rid)).not.toBeNull();
  });

  it('a lost response after the server committed: the retry is a no-op and no aid is doubled', async () => {
    await account('cw-a', 'caseworker', ST.yuanlingA);
    const a = await client('a', 'cw-a');
    const rid = await newRecipient(a, ST.yuanlingA);
    const aidId = randomUUID();
    await addAid(a.ctx, { id: aidId, ...aidFields(rid, ST.yuanlingA) } as Parameters<typeof addAid>[1]);
    const pending = await countOutbox(a.db);

    a.faults = { lostRequest: 0, lostResponse: 1, random: () => 0 };
    const lost = await a.engine.sync();
    expect(lost).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(await countOutbox(a.db)).toBe(pending);

    a.faults = null;
    const retry = await a.engine.sync();
    expect(retry.ok).toBe(true);
    expect(await countOutbox(a.db)).toBe(0);
    const applied = await server.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_log WHERE table_name = 'aid' AND row_id = $1`,
      [aidId],
    );
    expect(applied[0]?.n).toBe('1');
    const rows = await server.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM rows WHERE table_name = 'aid'`);
    expect(rows[0]?.n).toBe('1');
  });

  it('a clock two days ahead: a clear clock_skew error, nothing lost, and sync resumes once the clock is right', async () => {
    await account('cw-a', 'caseworker', ST.yuanlingA);
    const a = await client('a', 'cw-a');
    a.clock.offsetMs = 2 * 86_400_000;
    const rid = await newRecipient(a, ST.yuanlingA, { name: '钟表' });
    const pending = await countOutbox(a.db);

    const skewed = await a.engine.sync();
    expect(skewed).toMatchObject({ ok: false, error: { code: 'clock_skew' } });
    expect(await countOutbox(a.db)).toBe(pending);
    // The name is sealed at rest: read it as the app does, through the codec.
    const kept = await recipientById(a.db, rid);
    expect(kept?.name).toBe('钟表');
    expect((await serverRows(server, ST.yuanlingA)).has(`recipients/${rid}`)).toBe(false);

    a.clock.offsetMs = 0;
    const fixed = await a.engine.sync();
    expect(fixed.ok).toBe(true);
    expect((await serverRows(server, ST.yuanlingA)).get(`recipients/${rid}`)?.name).toBe('钟表');
  });

  it('an old schemaVersion: a clear error and the outbox kept', async () => {
    await account('cw-a', 'caseworker', ST.yuanlingA);
    const a = await client('a', 'cw-a');
    await newRecipient(a, ST.yuanlingA);
    const pending = await countOutbox(a.db);
    a.rewritePush = (req) => ({ ...req, schemaVersion: 0 });
    const out = await a.engine.sync();
    expect(out).toMatchObject({ ok: false, error: { code: 'schema_version_unsupported' } });
    expect(await countOutbox(a.db)).toBe(pending);
  });

  it('a recipient moved to another station leaves the old station’s device and arrives on the new one’s', async () => {
    await account('sup', 'district_supervisor', ST.futian);
    await account('cw-a', 'caseworker', ST.yuanlingA);
    await account('cw-b', 'caseworker', ST.yuanlingB);
    const sup = await client('sup', 'sup');
    const a = await client('a', 'cw-a');
    const b = await client('b', 'cw-b');
    const rid = await newRecipient(a, ST.yuanlingA);
    await syncUntilSettled(a);
    await syncUntilSettled(sup);
    await syncUntilSettled(b);
    expect(await recipientById(b.db, rid)).toBeNull();

    const moved = await updateRecipient(sup.ctx, rid, { stationCode: ST.yuanlingB });
    expect(moved.ok).toBe(true);
    await syncUntilSettled(sup);
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    expect(await recipientById(a.db, rid)).toBeNull();
    expect((await recipientById(b.db, rid))?.stationCode).toBe(ST.yuanlingB);
  });

  it('converges: random offline edits under random network failures, then every replica equals the server and no accepted edit is lost', async () => {
    let seed = 20261128;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    await account('sup', 'district_supervisor', ST.futian);
    await account('cw-a', 'caseworker', ST.yuanlingA);
    await account('cw-a2', 'caseworker', ST.yuanlingA);
    await account('cw-n', 'caseworker', ST.nanyuanA);
    const sup = await client('sup', 'sup');
    const devices = [sup, await client('a', 'cw-a'), await client('a2', 'cw-a2'), await client('n', 'cw-n')];
    const stationOf = new Map([
      [sup, ST.yuanlingA],
      [devices[1]!, ST.yuanlingA],
      [devices[2]!, ST.yuanlingA],
      [devices[3]!, ST.nanyuanA],
    ]);

    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await newRecipient(sup, i < 3 ? ST.yuanlingA : ST.nanyuanA, { name: `初始${i}` }));
    for (const d of devices) await syncUntilSettled(d);

    const fields = ['address', 'healthNotes', 'phones', 'tags'] as const;
    for (let round = 0; round < 6; round++) {
      for (const d of devices) {
        d.faults = { lostRequest: 0.2, lostResponse: 0.2, random };
        const mine = await searchRecipientIds(d.db, {});
        for (let k = 0; k < 3; k++) {
          const target = mine[Math.floor(random() * mine.length)];
          if (!target) continue;
          const field = fields[Math.floor(random() * fields.length)]!;
          const value =
            field === 'phones'
              ? [`139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`]
              : field === 'tags'
                ? [`t${round}${k}${d.name}`]
                : `${d.name}-r${round}-${k}`;
          const r = await updateRecipient(d.ctx, target, { [field]: value });
          expect(r.ok).toBe(true);
        }
        if (random() < 0.5) {
          const station = stationOf.get(d)!;
          const rid = mine.find(() => true);
          if (rid)
            await upsertRow(d.ctx, 'aid', { id: randomUUID(), ...aidFields(rid, station), amountFen: 100 + round } as Parameters<
              typeof upsertRow<'aid'>
            >[2]);
        }
        if (random() < 0.6) await d.engine.sync();
      }
    }
    for (const d of devices) d.faults = null;
    for (let pass = 0; pass < 2; pass++) for (const d of devices) await syncUntilSettled(d);

    // Every replica equals the server within its scope.
    expect(comparable(await replicaRows(sup))).toEqual(comparable(await serverRows(server, ST.futian)));
    for (const d of devices.slice(1)) {
      expect(comparable(await replicaRows(d))).toEqual(comparable(await serverRows(server, stationOf.get(d)!)));
    }

    // No accepted edit vanished: for each field, the edit the server applied last is the final
    // value, or it lost a conflict and sits in the conflict log.
    const accepted = devices.flatMap((d) => [...d.verdicts.values()]).filter((v) => v.status === 'applied' || v.status === 'merged');
    expect(accepted.length).toBeGreaterThan(20);
    const finals = await serverRows(server, ST.city);
    const conflicts = await server.db.query<{ row_id: string; field: string; loser_value: unknown }>(
      'SELECT row_id, field, loser_value FROM conflicts',
    );
    const lastByField = new Map<string, (typeof accepted)[number]>();
    for (const v of accepted) {
      if (v.table !== 'recipients') continue;
      for (const f of fields) {
        if (!(f in v.fields)) continue;
        const key = `${v.rowId}/${f}`;
        const prev = lastByField.get(key);
        if (!prev || (v.rev ?? 0) > (prev.rev ?? 0)) lastByField.set(key, v);
      }
    }
    expect(lastByField.size).toBeGreaterThan(5);
    for (const [key, v] of lastByField) {
      const [rowId, field] = key.split('/') as [string, string];
      const final = finals.get(`recipients/${rowId}`)?.[field];
      const lostConflict = conflicts.some(
        (c) => c.row_id === rowId && c.field === field && JSON.stringify(c.loser_value) === JSON.stringify(v.fields[field]),
      );
      expect(JSON.stringify(final) === JSON.stringify(v.fields[field]) || lostConflict, `${key}`).toBe(true);
    }
  });
});

/** The demo caseworker's station, as the demo accounts define it. */
async function demoScope(server: TestServer): Promise<string> {
  const [row] = await server.db.query<{ station_code: string }>(`SELECT station_code FROM accounts WHERE username = 'demo-caseworker'`);
  if (!row) throw new Error('no demo-caseworker');
  return row.station_code;
}
