import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/domain/enums';
import { createAccount } from '../../server/auth/accounts';
import { restoreLoserValue } from '../../renderer/features/conflicts/restoreLoser';
import { createRecipient } from '../../renderer/db/recipientRepository';
import { nextOutboxEntries } from '../../renderer/db/outboxRepository';
import { recipientById } from '../../renderer/db/queries/recipient';
import { runWrite } from '../../renderer/db/repository';
import { type ConflictsTransport, createHttpConflictsTransport } from '../../renderer/sync/conflictsClient';
import { createHttpLogin } from '../../renderer/sync/transport';
import { testBackends } from '../support/databases';
import { ST, recipientFields } from '../support/fixtures';
import { type TestServer, startTestServer } from '../support/serverHarness';
import { type SimClient, signInClient, syncUntilSettled } from './syncClient';

const PASSWORD = 'station-pass-1';

describe.each(testBackends())('conflict review from a client ($name)', (backend) => {
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
    await createAccount(server.db, { username: name, name: `${name} 的名字`, role, stationCode, password: PASSWORD });
    const c = await signInClient(server, name, name, PASSWORD);
    clients.push(c);
    return c;
  }

  /** The conflict routes for an account, over real HTTP with its own bearer token. */
  async function conflictsFor(username: string): Promise<ConflictsTransport> {
    const login = await createHttpLogin({ baseUrl: server.baseUrl })({ username, password: PASSWORD, deviceId: `device-${randomUUID()}` });
    if (!login.ok) throw new Error(login.error.message);
    const { token } = login.value;
    return createHttpConflictsTransport({ baseUrl: server.baseUrl, getToken: () => token });
  }

  const phonesOnServer = async (id: string) =>
    (
      await server.db.query<{ data: { phones: string[] } }>("SELECT data FROM rows WHERE table_name = 'recipients' AND row_id = $1", [id])
    )[0]?.data.phones;

  it('two caseworkers edit one phone; the supervisor restores the overwritten value as a synced edit and resolves the conflict', async () => {
    const a = await client('cw-a', 'caseworker', ST.yuanlingA);
    const b = await client('cw-b', 'caseworker', ST.yuanlingA);
    const sup = await client('sup', 'district_supervisor', ST.futian);

    const id = randomUUID();
    const created = await createRecipient(a.ctx, { id, ...recipientFields(ST.yuanlingA, { phones: ['13800000001'] }) } as Parameters<
      typeof createRecipient
    >[1]);
    expect(created.ok).toBe(true);
    await syncUntilSettled(a);
    await syncUntilSettled(b);

    // Both edit the phone offline; B's edit is a second later, so it wins.
    expect((await runWrite(a.ctx, (s) => s.patch('recipients', id, { phones: ['13811111111'] }))).ok).toBe(true);
    b.clock.offsetMs = 1000;
    expect((await runWrite(b.ctx, (s) => s.patch('recipients', id, { phones: ['13822222222'] }))).ok).toBe(true);
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    expect(await phonesOnServer(id)).toEqual(['13822222222']);

    // Caseworkers do not review conflicts.
    const refused = await (await conflictsFor('cw-a')).list('open');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });

    const review = await conflictsFor('sup');
    const listed = await review.list('open');
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.conflicts).toHaveLength(1);
    const conflict = listed.value.conflicts[0]!;
    expect(conflict).toMatchObject({
      table: 'recipients',
      rowId: id,
      field: 'phones',
      winnerValue: ['13822222222'],
      loserValue: ['13811111111'],
      winner: { accountName: 'cw-b 的名字' },
      loser: { accountName: 'cw-a 的名字' },
    });

    // Before the supervisor's device has the row, restoring says so and writes nothing.
    expect(await restoreLoserValue(sup.ctx, conflict)).toEqual({ kind: 'missing' });
    await syncUntilSettled(sup);

    expect(await restoreLoserValue(sup.ctx, conflict)).toEqual({ kind: 'written' });
    // As it will be pushed (phones are sealed in the stored outbox entry).
    const outbox = await nextOutboxEntries(sup.db, 100);
    expect(outbox.map((e) => ({ table: e.table, rowId: e.rowId, fields: e.fields }))).toEqual([
      { table: 'recipients', rowId: id, fields: { phones: ['13811111111'] } },
    ]);
    // A second click before the sync (the resolve failed, say) finds the restore pending.
    expect(await restoreLoserValue(sup.ctx, conflict)).toEqual({ kind: 'pending' });

    const resolved = await review.resolve(conflict.id, 'restore_loser');
    expect(resolved).toMatchObject({
      ok: true,
      value: { alreadyResolved: false, conflict: { status: 'resolved', resolution: 'restore_loser' } },
    });
    await syncUntilSettled(sup);

    expect(await phonesOnServer(id)).toEqual(['13811111111']);
    const open = await review.list('open');
    expect(open.ok && open.value.conflicts).toEqual([]);
    const done = await review.list('resolved');
    expect(done.ok && done.value.conflicts.map((c) => [c.id, c.resolution, c.resolvedBy?.name])).toEqual([
      [conflict.id, 'restore_loser', 'sup 的名字'],
    ]);
    // The restore was made on top of the current row: it raised no new conflict.
    const all = await review.list('all');
    expect(all.ok && all.value.conflicts).toHaveLength(1);

    // Both caseworkers' devices converge on the restored value.
    for (const c of [a, b]) {
      await syncUntilSettled(c);
      const row = await recipientById(c.db, id);
      expect(row?.phones, c.name).toEqual(['13811111111']);
    }
  });

  it('keeps the winner: the row stays, the conflict leaves the open list, and resolving again is harmless', async () => {
    const a = await client('cw-a', 'caseworker', ST.yuanlingA);
    const b = await client('cw-b', 'caseworker', ST.yuanlingA);
    await client('sup', 'district_supervisor', ST.futian);
    const id = randomUUID();
    await createRecipient(a.ctx, { id, ...recipientFields(ST.yuanlingA) } as Parameters<typeof createRecipient>[1]);
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    await runWrite(a.ctx, (s) => s.patch('recipients', id, { address: '甲写的地址' }));
    b.clock.offsetMs = 1000;
    await runWrite(b.ctx, (s) => s.patch('recipients', id, { address: '乙写的地址' }));
    await syncUntilSettled(a);
    await syncUntilSettled(b);

    const review = await conflictsFor('sup');
    const listed = await review.list('open');
    const conflict = listed.ok ? listed.value.conflicts[0] : undefined;
    expect(conflict?.loserValue).toBe('甲写的地址');
    const first = await review.resolve(conflict!.id, 'keep_winner');
    const again = await review.resolve(conflict!.id, 'keep_winner');
    expect(first).toMatchObject({ ok: true, value: { alreadyResolved: false } });
    expect(again).toMatchObject({ ok: true, value: { alreadyResolved: true } });
    expect(await review.resolve(conflict!.id, 'restore_loser')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const open = await review.list('open');
    expect(open.ok && open.value.conflicts).toEqual([]);
    const [row] = await server.db.query<{ data: { address: string } }>(
      "SELECT data FROM rows WHERE table_name = 'recipients' AND row_id = $1",
      [id],
    );
    expect(row?.data.address).toBe('乙写的地址');
  });
});
