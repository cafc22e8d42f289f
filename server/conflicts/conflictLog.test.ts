import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictsListResponse } from '../../shared/sync/conflictsApi';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { PushResponse } from '../../shared/sync/protocol';
import { testBackends } from '../../test/support/databases';
import { MutationFactory, recipientFields, ST } from '../../test/support/fixtures';
import type { TestServer, TestUser } from '../../test/support/serverHarness';
import { createUser, http, push, pushOk, startTestServer } from '../../test/support/serverHarness';
import { MAX_CONFLICTS_PER_FIELD } from './conflictStore';

/**
 * Issue 13 finding 3: what a merge LOSES is stored in the conflict log and served to
 * supervisors, so it is checked like what wins, bounded in size, and the log per row and
 * field keeps only the newest entries.
 */
describe.each(testBackends())('the conflict log on $name', (backend) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const start = new Date('2026-11-28T02:00:00Z');
  let clock = start;
  let worker: TestUser;
  let supervisor: TestUser;
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    server = await startTestServer(opened.db, { now: () => clock });
    worker = await createUser(server, 'caseworker', ST.yuanlingA);
    supervisor = await createUser(server, 'district_supervisor', ST.futian);
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  /**
   * A recipient whose address another device changed after rev 1, and a device `late` whose
   * clock stands before that change: whatever `late` pushes for the address loses the merge.
   */
  async function contested(): Promise<{ rid: string; late: MutationFactory }> {
    const winner = new MutationFactory(`client-${randomUUID()}`, () => clock);
    const rid = randomUUID();
    await pushOk(server, worker, winner.clientId, [winner.upsert('recipients', rid, recipientFields(ST.yuanlingA))]);
    const late = new MutationFactory(`client-${randomUUID()}`, () => start);
    clock = new Date(clock.getTime() + 60_000);
    await pushOk(server, worker, winner.clientId, [winner.upsert('recipients', rid, { address: '正确的地址' }, 1)]);
    return { rid, late };
  }

  const logged = async (rid: string) =>
    server.db.query<{ loser_value: unknown }>('SELECT loser_value FROM conflicts WHERE row_id = $1 ORDER BY id', [rid]);

  it("refuses a losing value its field's schema refuses (a 3 MB HTML object), and logs nothing", async () => {
    const { rid, late } = await contested();
    const html = { html: `<div>${'<img src=x onerror=alert(1)>'.repeat(100_000)}</div>` };
    const r = await push(server, worker, late.clientId, [late.upsert('recipients', rid, { address: html }, 1)]);
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed', detail: 'address: value_too_large' });
    const small = await pushOk(server, worker, late.clientId, [late.upsert('recipients', rid, { address: { html: '<b>x</b>' } }, 1)]);
    expect(small.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'validation_failed',
      detail: expect.stringMatching(/^address: /) as unknown,
    });
    expect(await logged(rid)).toEqual([]);
    const list = await http<ConflictsListResponse>(server.baseUrl, 'GET', '/api/v1/conflicts?status=all', undefined, supervisor.token);
    expect(list.body.conflicts.filter((c) => c.rowId === rid)).toEqual([]);
  });

  it('refuses a losing value nested 6,000 deep with a reason instead of failing the batch with a 500', async () => {
    const { rid, late } = await contested();
    const m = late.upsert('recipients', rid, { address: '@DEEP@' }, 1);
    const body = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: late.clientId,
      mutations: [m],
    }).replace('"@DEEP@"', `${'['.repeat(6000)}"x"${']'.repeat(6000)}`);
    const res = await fetch(`${server.baseUrl}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${worker.token}` },
      body,
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as PushResponse;
    expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' });
    expect(answer.results[0]?.detail).toMatch(/nesting_too_deep$/);
    expect(await logged(rid)).toEqual([]);
  });

  it('refuses a losing value that is valid but larger than a field may be', async () => {
    const { rid, late } = await contested();
    // The schema sets no maximum on categories; the server does, on every field.
    const categories = Array.from({ length: 2000 }, () => ({ code: 'martyr_family', relation: 'parent', fallenName: '烈'.repeat(40) }));
    const r = await pushOk(server, worker, late.clientId, [late.upsert('recipients', rid, { categories }, 1)]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed', detail: 'categories: value_too_large' });
    expect(await logged(rid)).toEqual([]);
  });

  it(`still logs a valid loser, and keeps the newest ${MAX_CONFLICTS_PER_FIELD} per row and field`, { timeout: 60_000 }, async () => {
    const { rid, late } = await contested();
    const tries = MAX_CONFLICTS_PER_FIELD + 5;
    for (let i = 0; i < tries; i++) {
      const r = await pushOk(server, worker, late.clientId, [late.upsert('recipients', rid, { address: `旧地址 ${i} 号` }, 1)]);
      expect(r.results[0]).toMatchObject({
        status: 'merged',
        conflicts: [{ field: 'address', winner: 'server', loserValue: `旧地址 ${i} 号` }],
      });
    }
    const kept = await logged(rid);
    expect(kept.map((c) => c.loser_value)).toEqual(
      Array.from({ length: MAX_CONFLICTS_PER_FIELD }, (_, k) => `旧地址 ${k + tries - MAX_CONFLICTS_PER_FIELD} 号`),
    );
  });
});
