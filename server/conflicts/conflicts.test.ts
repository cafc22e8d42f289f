import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictsListResponse, ResolveConflictResponse } from '../../shared/sync/conflictsApi';
import { conflictsListResponseSchema, resolveConflictResponseSchema } from '../../shared/sync/conflictsApi';
import type { ErrorBody } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import { MutationFactory, recipientFields, ST } from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, http, pushOk, startTestServer } from '../../test/support/serverHarness';
import { toNumber } from '../db/db';

describe.each(testBackends())('conflict review on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let clock = new Date('2026-11-28T02:00:00Z');
  let workerA: TestUser;
  let workerB: TestUser;
  let nanshanWorker: TestUser;
  let futianSupervisor: TestUser;
  let nanshanSupervisor: TestUser;
  let cityAdmin: TestUser;

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => clock });
    workerA = await createUser(server, 'caseworker', ST.yuanlingA);
    workerB = await createUser(server, 'caseworker', ST.yuanlingA);
    nanshanWorker = await createUser(server, 'caseworker', ST.nantouA);
    futianSupervisor = await createUser(server, 'district_supervisor', ST.futian);
    nanshanSupervisor = await createUser(server, 'district_supervisor', ST.nanshan);
    cityAdmin = await createUser(server, 'city_admin', ST.city);
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  const client = () => new MutationFactory(`client-${randomUUID()}`, () => clock);

  /** Two devices edit the phones of one recipient from rev 1; the later edit wins. Returns the row id. */
  async function makeConflict(first: TestUser, second: TestUser, station: string): Promise<string> {
    const a = client();
    const b = client();
    const rid = randomUUID();
    await pushOk(server, first, a.clientId, [a.upsert('recipients', rid, recipientFields(station, { phones: ['13800000001'] }))]);
    const editA = a.upsert('recipients', rid, { phones: ['13811111111'] }, 1);
    clock = new Date(clock.getTime() + 60_000);
    const editB = b.upsert('recipients', rid, { phones: ['13822222222'] }, 1);
    await pushOk(server, second, b.clientId, [editB]);
    const r = await pushOk(server, first, a.clientId, [editA]);
    expect(r.results[0]?.status).toBe('merged');
    return rid;
  }

  const list = (user: TestUser, query = '') =>
    http<ConflictsListResponse & ErrorBody>(server.baseUrl, 'GET', `/api/v1/conflicts${query}`, undefined, user.token);
  const resolve = (user: TestUser, id: number | string, resolution: string) =>
    http<ResolveConflictResponse & ErrorBody>(server.baseUrl, 'POST', `/api/v1/conflicts/${id}/resolve`, { resolution }, user.token);

  it("lists the conflicts of the supervisor's district, newest first, with both sides, and nothing of another district", async () => {
    const futianRow = await makeConflict(workerA, workerB, ST.yuanlingA);
    const nanshanRow = await makeConflict(nanshanWorker, nanshanWorker, ST.nantouA);

    const futian = await list(futianSupervisor);
    expect(futian.status).toBe(200);
    expect(conflictsListResponseSchema.safeParse(futian.body).success).toBe(true);
    const rows = futian.body.conflicts.map((c) => c.rowId);
    expect(rows).toContain(futianRow);
    expect(rows).not.toContain(nanshanRow);
    const c = futian.body.conflicts.find((x) => x.rowId === futianRow);
    expect(c).toMatchObject({
      table: 'recipients',
      stationCode: ST.yuanlingA,
      field: 'phones',
      status: 'open',
      resolution: null,
      winnerValue: ['13822222222'],
      loserValue: ['13811111111'],
      // B's later edit (already on the server) won; A's push met it and lost.
      winner: { side: 'server', accountId: workerB.id, accountName: '测试员' },
      loser: { side: 'client', accountId: workerA.id, accountName: '测试员' },
    });
    expect(String(c?.winner.editedAt) > String(c?.loser.editedAt)).toBe(true);

    const nanshan = await list(nanshanSupervisor);
    expect(nanshan.body.conflicts.map((x) => x.rowId)).toEqual([nanshanRow]);

    const city = await list(cityAdmin);
    const cityRows = city.body.conflicts.map((x) => x.rowId);
    // Newest first: the Nanshan conflict was logged last.
    expect(cityRows.slice(0, 2)).toEqual([nanshanRow, futianRow]);
    expect((await list(cityAdmin, '?limit=1')).body.conflicts.map((x) => x.rowId)).toEqual([nanshanRow]);
  });

  it('refuses caseworkers with forbidden_role, anonymous callers with unauthorized, and bad queries with validation_failed', async () => {
    const r = await list(workerA);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden_role');
    const open = (await list(futianSupervisor)).body.conflicts[0]!;
    const w = await resolve(workerA, open.id, 'keep_winner');
    expect(w.status).toBe(403);
    expect(w.body.error.code).toBe('forbidden_role');
    const anon = await http<ErrorBody>(server.baseUrl, 'GET', '/api/v1/conflicts');
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('unauthorized');
    for (const q of ['?status=closed', '?limit=0', '?limit=100000']) {
      const bad = await list(futianSupervisor, q);
      expect(bad.status, q).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    const badBody = await resolve(futianSupervisor, open.id, 'take_both');
    expect(badBody.status).toBe(400);
    expect((await resolve(futianSupervisor, 'abc', 'keep_winner')).status).toBe(400);
  });

  it('resolves a conflict: audited, gone from the open list, a retry is a no-op and a different answer a clear error', async () => {
    const rid = await makeConflict(workerA, workerB, ST.yuanlingA);
    const open = (await list(futianSupervisor)).body.conflicts.find((x) => x.rowId === rid)!;
    clock = new Date(clock.getTime() + 1000);

    // Another district's supervisor cannot resolve it, and cannot tell it from an unknown id.
    const foreign = await resolve(nanshanSupervisor, open.id, 'keep_winner');
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await resolve(futianSupervisor, 999_999, 'keep_winner')).body.error.code).toBe('not_found');

    const r = await resolve(futianSupervisor, open.id, 'keep_winner');
    expect(r.status).toBe(200);
    expect(resolveConflictResponseSchema.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({
      alreadyResolved: false,
      conflict: {
        id: open.id,
        status: 'resolved',
        resolution: 'keep_winner',
        resolvedAt: clock.toISOString(),
        resolvedBy: { accountId: futianSupervisor.id },
      },
    });

    expect((await list(futianSupervisor)).body.conflicts.map((x) => x.id)).not.toContain(open.id);
    expect((await list(futianSupervisor, '?status=resolved')).body.conflicts.map((x) => x.id)).toContain(open.id);
    expect((await list(futianSupervisor, '?status=all')).body.conflicts.map((x) => x.id)).toContain(open.id);

    const audit = await server.db.query<{ account_id: string; device_id: string; op: string; fields: string[] }>(
      "SELECT account_id, device_id, op, fields FROM audit_log WHERE table_name = 'conflicts' AND row_id = $1",
      [String(open.id)],
    );
    expect(audit).toEqual([
      { account_id: futianSupervisor.id, device_id: futianSupervisor.deviceId, op: 'resolve_keep_winner', fields: ['phones'] },
    ]);

    // The same answer again (a retry after a lost response) changes nothing.
    clock = new Date(clock.getTime() + 1000);
    const again = await resolve(futianSupervisor, open.id, 'keep_winner');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      alreadyResolved: true,
      conflict: { resolution: 'keep_winner', resolvedAt: r.body.conflict.resolvedAt },
    });
    const other = await resolve(cityAdmin, open.id, 'restore_loser');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conflict');
    const n = await server.db.query<{ n: unknown }>("SELECT count(*) AS n FROM audit_log WHERE table_name = 'conflicts' AND row_id = $1", [
      String(open.id),
    ]);
    expect(toNumber(n[0]?.n)).toBe(1);
  });

  it('restores the loser as an ordinary synced edit by the supervisor, then records restore_loser', async () => {
    const rid = await makeConflict(workerA, workerB, ST.yuanlingA);
    const open = (await list(futianSupervisor)).body.conflicts.find((x) => x.rowId === rid)!;
    const [before] = await server.db.query<{ rev: unknown }>("SELECT rev FROM rows WHERE table_name = 'recipients' AND row_id = $1", [rid]);
    const sup = client();
    clock = new Date(clock.getTime() + 1000);
    const push = await pushOk(server, futianSupervisor, sup.clientId, [
      sup.upsert('recipients', rid, { phones: open.loserValue }, toNumber(before?.rev)),
    ]);
    expect(push.results[0]?.status).toBe('applied');
    const r = await resolve(futianSupervisor, open.id, 'restore_loser');
    expect(r.body.conflict).toMatchObject({ status: 'resolved', resolution: 'restore_loser' });
    const [row] = await server.db.query<{ data: { phones: string[] } }>(
      "SELECT data FROM rows WHERE table_name = 'recipients' AND row_id = $1",
      [rid],
    );
    expect(row?.data.phones).toEqual(['13811111111']);
    // The restore was on top of the current row: no new conflict to review.
    expect((await list(futianSupervisor)).body.conflicts.filter((x) => x.rowId === rid)).toEqual([]);
  });
});
