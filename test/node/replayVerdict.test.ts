import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts';
import { createRecipient } from '../../renderer/db/recipientRepository';
import { runWrite, upsertRow } from '../../renderer/db/repository';
import { countOutbox } from '../../renderer/db/outboxRepository';
import { readSyncStatus } from '../../renderer/sync/engine';
import { testBackends } from '../support/databases';
import { MutationFactory, ST, recipientFields, visitFields } from '../support/fixtures';
import { type TestServer, createUser, pushOk, startTestServer } from '../support/serverHarness';
import { type SimClient, signInClient, syncUntilSettled } from './syncClient';

const PASSWORD = 'station-pass-1';

/**
 * Issue 13 finding 10 with the real client engine: an edit the server refused, whose answer
 * was lost on the way back, is still reported as refused on the device after the retry,
 * instead of being dropped from the outbox as a "duplicate" and silently overwritten.
 */
describe.each(testBackends())('a lost answer to a refused edit ($name)', (backend) => {
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

  it('the retry hears the rejection again: the Sync screen lists it and nothing is lost without a word', async () => {
    await createAccount(server.db, { username: 'cw-a', name: '测试员', role: 'caseworker', stationCode: ST.yuanlingA, password: PASSWORD });
    const a = await signInClient(server, 'a', 'cw-a', PASSWORD);
    clients.push(a);
    const rid = randomUUID();
    const created = await createRecipient(a.ctx, { id: rid, ...recipientFields(ST.yuanlingA) } as Parameters<typeof createRecipient>[1]);
    expect(created.ok).toBe(true);
    const vid = randomUUID();
    const visit = await upsertRow(a.ctx, 'visits', { id: vid, ...visitFields(rid, ST.yuanlingA, a.ctx.actor.staffId) } as Parameters<
      typeof upsertRow<'visits'>
    >[2]);
    expect(visit.ok).toBe(true);
    await syncUntilSettled(a);

    // A colleague deletes the visit on the server while device A is offline…
    const colleague = await createUser(server, 'caseworker', ST.yuanlingA);
    const other = new MutationFactory(`client-${randomUUID()}`, () => new Date());
    expect((await pushOk(server, colleague, other.clientId, [other.delete('visits', vid, 1)])).results[0]?.status).toBe('applied');
    // …where the caseworker adds a note to it.
    const edit = await runWrite(a.ctx, (s) => s.patch('visits', vid, { notes: '补记：老人精神很好' }));
    expect(edit.ok).toBe(true);
    expect(await countOutbox(a.db)).toBe(1);

    // The server refuses the edit (row_deleted), but its answer never reaches the device.
    a.faults = { lostRequest: 0, lostResponse: 1, random: () => 0 };
    expect(await a.engine.sync()).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(await countOutbox(a.db)).toBe(1);
    const first = [...a.verdicts.values()].filter((v) => v.rowId === vid && 'notes' in v.fields && !('recipientId' in v.fields));
    expect(first.map((v) => [v.status, v.reason])).toEqual([['rejected', 'row_deleted']]);

    // The retry: the server answers with the verdict it gave the first time.
    a.faults = null;
    const retry = await a.engine.sync();
    expect(retry.ok).toBe(true);
    expect(retry.ok && retry.report.rejected).toBe(1);
    const status = await readSyncStatus(a.db);
    expect(status.pending).toBe(0);
    expect(status.rejected.map((r) => [r.table, r.rowId, r.reason])).toEqual([['visits', vid, 'row_deleted']]);
  });
});
