import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoRows } from '../../shared/demo';
import type { EntityDemoRow } from '../../server/demo/loadDemo';
import { writeDemoBatch } from '../../server/demo/loadDemo';
import type { DuplicateIdsResponse, Review, ReviewResponse } from '../../shared/review/api';
import { duplicateIdsResponseSchema, reviewResponseSchema } from '../../shared/review/api';
import type { Change, ErrorBody } from '../../shared/sync/protocol';
import type { YoufuDb } from '../../renderer/db/handle';
import { newTestDb } from '../../renderer/db/testFixtures';
import { applyRemoteChanges } from '../../renderer/db/remoteChanges';
import { localReview } from '../../renderer/features/review/localReview';
import { testBackends } from '../support/databases';
import { attachmentSchema } from '../../shared/domain/schemas';
import { MutationFactory, ST, attachmentFields, recipientFields } from '../support/fixtures';
import type { TestServer, TestUser } from '../support/serverHarness';
import { createUser, http, push, startTestServer } from '../support/serverHarness';

const TODAY = '2026-11-28';
const NOW = new Date('2026-11-28T04:00:00Z');

/**
 * Demo data small enough for a test, with 14 months of history (enough for a year of trends),
 * and attachments on some visits: photos, a PDF (no photo evidence), withdrawn photos.
 */
function demoRows(): EntityDemoRow[] {
  const out: EntityDemoRow[] = [];
  for (const r of generateDemoRows({ recipients: 400, seed: 11, today: TODAY, historyMonths: 14 })) {
    if (r.table === 'stations') continue;
    out.push(r);
    if (r.table !== 'visits') continue;
    const v = r.row;
    // Spread by the id (the generator's order clusters visits by recipient and purpose).
    const n = Number.parseInt(v.id.slice(-4), 16);
    if (n % 3 !== 0) continue;
    const row = attachmentSchema.parse({
      id: randomUUID(),
      ...attachmentFields(
        v.recipientId,
        v.stationCode,
        { table: 'visits', id: v.id },
        new TextEncoder().encode(`photo ${n}`),
        v.staffIds[0]!,
        {
          ...(n % 7 === 1 ? { mime: 'application/pdf', kind: 'certificate' } : {}),
          ...(n % 5 === 4 ? { withdrawn: true, withdrawReason: '拍错了' } : {}),
        },
      ),
    });
    out.push({ table: 'attachments', row });
  }
  return out;
}

const withoutSync = (r: Review): Review => ({ ...r, stations: r.stations.map((s) => ({ ...s, lastSyncAt: null })) });

describe.each(testBackends())('district review on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let local: YoufuDb;
  let supervisor: TestUser;
  let admin: TestUser;
  let caseworker: TestUser;

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => NOW });
    const rows = demoRows();
    for (let i = 0; i < rows.length; i += 2000) await writeDemoBatch(opened.db, rows.slice(i, i + 2000), NOW);
    // The same rows in a local database, as a supervisor's bootstrap leaves them: pulled pages
    // applied the client's way (validated, sensitive fields sealed, derived columns added).
    local = newTestDb();
    await local.open();
    for (let i = 0; i < rows.length; i += 2000) {
      const page = rows
        .slice(i, i + 2000)
        .map((r): Change => ({ table: r.table, rowId: r.row.id, rev: 1, op: 'upsert', row: { ...r.row } }));
      const applied = await applyRemoteChanges(local, page);
      expect(applied.invalid).toEqual([]);
      expect(applied.upserted).toBe(page.length);
    }
    supervisor = await createUser(server, 'district_supervisor', ST.futian);
    admin = await createUser(server, 'city_admin', ST.city);
    caseworker = await createUser(server, 'caseworker', ST.yuanlingA);
  }, 300_000);

  afterAll(async () => {
    local.close();
    await server.close();
    await drop();
  });

  const review = (user: TestUser, query: string) =>
    http<ReviewResponse & ErrorBody>(server.baseUrl, 'GET', `/api/v1/review?${query}`, undefined, user.token);

  const cases: { who: 'supervisor' | 'admin'; scope: string; week: string }[] = [
    { who: 'supervisor', scope: ST.futian, week: TODAY },
    { who: 'supervisor', scope: ST.futian, week: '2026-11-18' },
    { who: 'supervisor', scope: ST.futian, week: '2026-05-06' },
    { who: 'supervisor', scope: ST.yuanling, week: '2026-10-01' },
    { who: 'supervisor', scope: ST.yuanlingA, week: TODAY },
    { who: 'admin', scope: ST.city, week: TODAY },
    { who: 'admin', scope: ST.city, week: '2026-09-09' },
  ];

  it.each(cases)('server SQL and the local database agree: $who, $scope, week of $week', async ({ who, scope, week }) => {
    const res = await review(who === 'admin' ? admin : supervisor, `week=${week}&station=${scope}`);
    expect(res.status).toBe(200);
    const parsed = reviewResponseSchema.parse(res.body);
    const { serverTime: _, ...fromServer } = parsed;
    const fromLocal = await localReview(local, { scope, week, today: TODAY });
    expect(withoutSync(fromServer)).toEqual(withoutSync(fromLocal));
    // Not a comparison of two empty tables: the demo data gives real figures.
    const total = (k: 'recipients' | 'visitsDue' | 'visitsLogged' | 'visitsWithPhotos' | 'escalatedRequests') =>
      fromServer.stations.reduce((n, s) => n + s[k], 0);
    expect(total('recipients')).toBeGreaterThan(0);
    expect(total('visitsWithPhotos')).toBeLessThan(total('visitsLogged') || 1);
    if (scope === ST.city) {
      expect(total('visitsWithPhotos')).toBeGreaterThan(0);
      expect(total('escalatedRequests')).toBeGreaterThan(0);
    }
    expect(fromServer.trends.visitsByWeek.reduce((n, w) => n + w.count, 0)).toBeGreaterThan(0);
    if (scope.length < 12) expect(total('visitsDue')).toBeGreaterThan(0);
  });

  it('shows an overdue hero duty in the demo district', async () => {
    const res = await review(supervisor, `week=${TODAY}`);
    expect(res.body.scope).toBe(ST.futian);
    expect(res.body.stations.find((s) => s.code === '440304001001')?.heroesOverdue).toBeGreaterThan(0);
  });

  it('refuses caseworkers, other districts and bad weeks; takes sign-offs from supervisors only; shows the last sync', async () => {
    expect((await review(caseworker, `week=${TODAY}`)).body.error.code).toBe('forbidden_role');
    const other = await review(supervisor, `week=${TODAY}&station=${ST.nanshan}`);
    expect([other.status, other.body.error.code]).toEqual([403, 'forbidden_scope']);
    const bad = await review(supervisor, 'week=2026-13-01');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    expect((await http<ErrorBody>(server.baseUrl, 'GET', `/api/v1/review?week=${TODAY}`)).status).toBe(401);

    const signoff = (by: TestUser, station: string) => ({
      stationCode: station,
      weekStart: '2026-11-23',
      comment: '本周走访按计划完成',
      signedBy: by.id,
      signedByName: '黄志强',
      signedAt: '2026-11-28T12:00:00+08:00',
      figures: { recipients: 1, visitsDue: 2, visitsDone: 1, overdue: 1, heroesOverdue: 1, aidFen: 0 },
      rev: 0,
      updatedAt: '2026-11-28T12:00:00+08:00',
    });
    const cw = new MutationFactory(`client-${randomUUID()}`, () => NOW);
    const refused = await push(server, caseworker, cw.clientId, [cw.upsert('signoffs', randomUUID(), signoff(caseworker, ST.yuanlingA))]);
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_role' });
    const sv = new MutationFactory(`client-${randomUUID()}`, () => NOW);
    const accepted = await push(server, supervisor, sv.clientId, [sv.upsert('signoffs', randomUUID(), signoff(supervisor, ST.futian))]);
    expect(accepted.body.results[0]).toMatchObject({ status: 'applied' });
    const notMonday = await push(server, supervisor, sv.clientId, [
      sv.upsert('signoffs', randomUUID(), { ...signoff(supervisor, ST.futian), weekStart: '2026-11-24' }),
    ]);
    expect(notMonday.body.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' });

    // The caseworker's push is their community's latest sync.
    const after = await review(supervisor, `week=${TODAY}`);
    expect(after.body.stations.find((s) => s.code === ST.yuanlingA)?.lastSyncAt).toBe(NOW.toISOString());
    expect(after.body.stations.find((s) => s.code === ST.yuanlingB)?.lastSyncAt).toBeNull();
  });

  it('lists the same ID number at two stations, masking it and hiding records outside the scope', async () => {
    const f = recipientFields(ST.yuanlingA);
    const cw = new MutationFactory(`client-${randomUUID()}`, () => NOW);
    await push(server, admin, cw.clientId, [
      cw.upsert('recipients', randomUUID(), f),
      cw.upsert('recipients', randomUUID(), { ...f, stationCode: ST.nantouA }),
    ]);
    const res = await http<DuplicateIdsResponse & ErrorBody>(
      server.baseUrl,
      'GET',
      '/api/v1/quality/duplicates',
      undefined,
      supervisor.token,
    );
    expect(res.status).toBe(200);
    const body = duplicateIdsResponseSchema.parse(res.body);
    const id = String(f.idNumber);
    const dup = body.duplicates.find((d) => d.idNumberMasked === `${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(dup?.records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stationCode: ST.yuanlingA, name: '张建国' }),
        { recipientId: null, name: null, stationCode: ST.nantouA },
      ]),
    );
    expect(JSON.stringify(body)).not.toContain(id);
    expect((await http<ErrorBody>(server.baseUrl, 'GET', '/api/v1/quality/duplicates', undefined, caseworker.token)).body.error.code).toBe(
      'forbidden_role',
    );
  });
});
