import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/domain/enums';
import { createAccount } from '../../server/auth/accounts';
import { createRecipient, updateRecipient } from '../../renderer/db/recipientRepository';
import { countOutbox } from '../../renderer/db/outboxRepository';
import { recipientById } from '../../renderer/db/queries/recipient';
import { readSyncStatus } from '../../renderer/sync/engine';
import { testBackends } from '../support/databases';
import { ST, recipientFields } from '../support/fixtures';
import { type TestServer, startTestServer } from '../support/serverHarness';
import { type SimClient, signInClient, syncUntilSettled } from './syncClient';

const PASSWORD = 'station-pass-1';

/**
 * Issue 13, finding 10, end to end: the answer to a push that the server refused is lost; the
 * retry is answered with the original verdict, and the caseworker's Sync page lists the refused
 * edit exactly as it would have listed the live answer.
 */
describe.each(testBackends())('a refused edit whose answer was lost ($name)', (backend) => {
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

  async function client(name: string, role: StaffRole, stationCode: string): Promise<SimClient> {
    const username = `${name}-${randomUUID().slice(0, 8)}`;
    await createAccount(server.db, { username, name: '测试员', role, stationCode, password: PASSWORD });
    const c = await signInClient(server, name, username, PASSWORD);
    clients.push(c);
    return c;
  }

  it('is listed per record with its reason and fields after the retry, and the row then leaves the device', async () => {
    const sup = await client('sup', 'district_supervisor', ST.futian);
    const a = await client('a', 'caseworker', ST.yuanlingA);
    const rid = randomUUID();
    const fields = recipientFields(ST.yuanlingA);
    const gender = Number(String(fields.idNumber).charAt(16)) % 2 === 1 ? 'male' : 'female';
    expect((await createRecipient(a.ctx, { id: rid, ...fields, gender } as Parameters<typeof createRecipient>[1])).ok).toBe(true);
    await syncUntilSettled(a);
    await syncUntilSettled(sup);

    // The supervisor moves the recipient to another community; the caseworker, not yet synced, edits the address.
    expect((await updateRecipient(sup.ctx, rid, { stationCode: ST.yuanlingB })).ok).toBe(true);
    await syncUntilSettled(sup);
    expect((await updateRecipient(a.ctx, rid, { address: '园岭新村 3 栋 501' })).ok).toBe(true);

    // The server refuses the edit, but its answer never arrives.
    a.faults = { lostRequest: 0, lostResponse: 1, random: () => 0 };
    const lost = await a.engine.sync();
    expect(lost).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(await countOutbox(a.db)).toBe(1);
    expect((await readSyncStatus(a.db)).rejected).toEqual([]);

    a.faults = null;
    const retry = await a.engine.sync();
    expect(retry).toMatchObject({ ok: true, report: { rejected: 1 } });
    expect(await countOutbox(a.db)).toBe(0);
    const status = await readSyncStatus(a.db);
    expect(status.rejected).toHaveLength(1);
    expect(status.rejected[0]).toMatchObject({ table: 'recipients', rowId: rid, reason: 'forbidden_scope' });
    expect(status.rejected[0]?.fields).toContain('address');
    // The pull after it took the moved row away: the refused edit is gone, and the user was told.
    expect(await recipientById(a.db, rid)).toBeNull();
  });
});
