import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol';
import type { YoufuDb } from './database';
import type { OutboxEntry } from './records';
import { applyRemoteChanges, deleteRow, openOutboxEntries, runWrite, upsertRow, upsertRows } from './repository';
import { readSyncState } from './syncStateRepository';
import { makeIdNumber, newTestDb, recipientInput, STAFF_ID, testContext, type TestContext } from './testFixtures';

const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '11111111-0000-4000-8000-000000000002';
const R3 = '11111111-0000-4000-8000-000000000003';

let db: YoufuDb;
let ctx: TestContext;

beforeEach(() => {
  db = newTestDb();
  ctx = testContext(db);
});
afterEach(() => db.delete());

/** The outbox as it is pushed: sealed values opened. */
async function pushed(): Promise<OutboxEntry[]> {
  return openOutboxEntries(db, await db.outbox.orderBy('seq').toArray());
}

async function counts(): Promise<{ recipients: number; outbox: number; audit: number }> {
  return { recipients: await db.recipients.count(), outbox: await db.outbox.count(), audit: await db.auditLocal.count() };
}

describe('write path', () => {
  it('writes a new row with an outbox mutation carrying every field and baseRev 0', async () => {
    const r = await upsertRow(ctx, 'recipients', recipientInput(R1));
    expect(r.ok).toBe(true);
    const [entry] = await pushed();
    expect(entry).toMatchObject({ seq: 1, table: 'recipients', rowId: R1, op: 'upsert', baseRev: 0 });
    // As stored, the mutation's sensitive values are sealed, only their names are in clear.
    const [raw] = await db.outbox.toArray();
    expect(Object.keys(raw!.fields)).not.toContain('idNumber');
    expect(raw).toMatchObject({
      sealedKeys: expect.arrayContaining([
        'idNumber',
        'phones',
        'address',
        'healthNotes',
        'emergencyContacts',
        'name',
        'birthDate',
        'gender',
        'categories',
        'tags',
      ]) as unknown,
    });
    expect(JSON.stringify(raw)).not.toContain('13812345678');
    expect(entry!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(entry!.fields)).toContain('idNumber');
    expect(entry!.fields).not.toHaveProperty('rev');
    // Derived local-only columns never travel to the server.
    expect(entry!.fields).not.toHaveProperty('searchKeys');
    expect(entry!.fields).not.toHaveProperty('idBlind');
    expect(entry!.hlc).toMatch(/^\d{16}-[0-9a-f]{4}-/);
  });

  it('sends only the changed fields of an edit, with increasing seq and HLC', async () => {
    await upsertRow(ctx, 'recipients', recipientInput(R1));
    await upsertRow(ctx, 'recipients', recipientInput(R1, { address: '新地址 2 号', tags: ['重点'] }));
    const entries = await pushed();
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(entries[1]!.fields).toEqual({ address: '新地址 2 号', tags: ['重点'] });
    expect(entries[1]!.hlc > entries[0]!.hlc).toBe(true);
  });

  it('orders a later transaction after the earlier one even when the clock was set back', async () => {
    await runWrite(ctx, async (s) => {
      await s.put('recipients', recipientInput(R1));
      await s.put('recipients', recipientInput(R2));
    });
    ctx.clock.ms -= 3_600_000;
    await upsertRow(ctx, 'recipients', recipientInput(R3));
    const hlcs = (await pushed()).map((e) => e.hlc);
    expect(hlcs).toHaveLength(3);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(3);
    // The device keeps the last HLC it issued, for the next write and the next start.
    expect(await readSyncState(db, 'hlc')).toBe(hlcs[2]);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    await upsertRow(ctx, 'recipients', recipientInput(R1));
    await upsertRow(ctx, 'recipients', recipientInput(R1));
    expect(await counts()).toEqual({ recipients: 1, outbox: 1, audit: 1 });
  });

  it('uses the synced rev as baseRev', async () => {
    await applyRemoteChanges(db, [
      {
        table: 'recipients',
        rowId: R1,
        rev: 7,
        op: 'upsert',
        row: { ...recipientInput(R1), rev: 7, updatedAt: '2026-01-01T00:00:00+08:00' },
      },
    ]);
    await upsertRow(ctx, 'recipients', recipientInput(R1, { address: '改' }));
    const [entry] = await pushed();
    expect(entry).toMatchObject({ baseRev: 7, fields: { address: '改' } });
    expect((await db.recipients.get(R1))!.rev).toBe(7);
  });

  it('keeps a local audit entry: who, when, table, row, changed field names', async () => {
    await upsertRow(ctx, 'recipients', recipientInput(R1));
    await upsertRow(ctx, 'recipients', recipientInput(R1, { address: '改' }));
    const audit = await db.auditLocal.orderBy('id').toArray();
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({
      staffId: STAFF_ID,
      staffName: '李四',
      table: 'recipients',
      rowId: R1,
      op: 'upsert',
      fields: ['address'],
    });
    expect(audit[1]!.at).toMatch(/\+08:00$/);
  });

  it('returns validation errors as values with the zod codes', async () => {
    const bad = recipientInput(R1, { idNumber: makeIdNumber('19400315', '123').slice(0, 17) + '0' });
    const wrongCheck = bad.idNumber === makeIdNumber('19400315', '123') ? { ...bad, idNumber: `${bad.idNumber.slice(0, 17)}1` } : bad;
    const r = await upsertRow(ctx, 'recipients', { ...wrongCheck, phones: ['12345'] });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        issues: expect.arrayContaining([
          { path: ['idNumber'], code: 'id_number_checksum' },
          { path: ['phones', 0], code: 'phone_format' },
        ]) as unknown,
      },
    });
    expect(await counts()).toEqual({ recipients: 0, outbox: 0, audit: 0 });
  });

  it('writes none of a batch whose third row is invalid', async () => {
    const r = await upsertRows(ctx, 'recipients', [
      recipientInput(R1),
      recipientInput(R2, { idNumber: makeIdNumber('19500101', '222') }),
      recipientInput(R3, { categories: [] }),
    ]);
    expect(r).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: [2, 'categories'], code: 'category_required' }] },
    });
    expect(await counts()).toEqual({ recipients: 0, outbox: 0, audit: 0 });
    expect(await db.syncState.get('hlc')).toBeUndefined();
  });

  it('leaves nothing behind when an exception is thrown after the first put', async () => {
    const r = await runWrite(ctx, async (s) => {
      await s.put('recipients', recipientInput(R1));
      throw new Error('disk on fire');
    });
    expect(r).toEqual({ ok: false, error: { code: 'write_failed', message: 'disk on fire' } });
    expect(await counts()).toEqual({ recipients: 0, outbox: 0, audit: 0 });
  });

  it('refuses any delete of aid and writes a tombstone mutation for other deletes', async () => {
    const aidId = '22222222-0000-4000-8000-000000000001';
    await upsertRow(ctx, 'recipients', recipientInput(R1));
    await upsertRow(ctx, 'aid', {
      id: aidId,
      recipientId: R1,
      stationCode: '440304001001',
      date: '2026-03-02',
      kind: 'cash',
      amountFen: 50000,
      quantity: null,
      item: null,
      fundSource: 'government_budget',
      approvedBy: '王主任',
      visitId: null,
      acknowledged: true,
      voided: false,
      voidReason: null,
    });
    expect(await deleteRow(ctx, 'aid', aidId)).toEqual({ ok: false, error: { code: 'aid_delete_refused' } });
    expect(await db.aid.count()).toBe(1);

    expect((await deleteRow(ctx, 'recipients', R1)).ok).toBe(true);
    const last = await db.outbox.orderBy('seq').last();
    expect(last).toMatchObject({ op: 'delete', rowId: R1, fields: {} });
    expect(await deleteRow(ctx, 'recipients', R1)).toEqual({ ok: false, error: { code: 'not_found', table: 'recipients', rowId: R1 } });
  });
});

describe('applyRemoteChanges', () => {
  const remote = (rev: number, over: Record<string, unknown> = {}): Change => ({
    table: 'recipients',
    rowId: R1,
    rev,
    op: 'upsert',
    row: { ...recipientInput(R1), rev, updatedAt: '2026-01-01T00:00:00+08:00', ...over },
  });

  it('writes pulled rows without outbox entries and deletes tombstones and rows that left scope', async () => {
    const report = await applyRemoteChanges(db, [
      remote(1),
      {
        ...remote(1),
        rowId: R2,
        row: { ...recipientInput(R2, { idNumber: makeIdNumber('19500101', '222') }), rev: 1, updatedAt: '2026-01-01T00:00:00+08:00' },
      },
    ]);
    expect(report.upserted).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.recipients.get(R1))!.searchKeys).toContain(db.codec.searchToken('zsf'));

    await applyRemoteChanges(db, [
      { table: 'recipients', rowId: R1, rev: 2, op: 'delete', row: null },
      { table: 'recipients', rowId: R2, rev: 3, op: 'upsert', row: null },
    ]);
    expect(await db.recipients.count()).toBe(0);
  });

  it('keeps pending local edits on top and takes the other fields and rev from the server', async () => {
    await applyRemoteChanges(db, [remote(1)]);
    await upsertRow(ctx, 'recipients', recipientInput(R1, { address: '本地地址' }));
    const report = await applyRemoteChanges(db, [remote(2, { address: '服务器地址', healthNotes: '高血压' })]);
    const row = await db.codec.decode('recipients', (await db.recipients.get(R1))!);
    expect(row).toMatchObject({ address: '本地地址', healthNotes: '高血压', rev: 2 });
    expect(report.mergedUnderPending).toEqual([{ table: 'recipients', rowId: R1, keptFields: ['address'] }]);
    // The pending mutation is untouched: it still claims the rev it was based on.
    const [entry] = await pushed();
    expect(entry).toMatchObject({ baseRev: 1, fields: { address: '本地地址' } });
  });

  it('does not delete a row with pending local edits on a remote delete', async () => {
    await applyRemoteChanges(db, [remote(1)]);
    await upsertRow(ctx, 'recipients', recipientInput(R1, { address: '本地地址' }));
    const report = await applyRemoteChanges(db, [{ table: 'recipients', rowId: R1, rev: 2, op: 'delete', row: null }]);
    expect(report.keptLocal).toEqual([{ table: 'recipients', rowId: R1, reason: 'remote_delete_pending_edits' }]);
    expect(await db.recipients.get(R1)).toBeDefined();
  });

  it('does not resurrect a row deleted locally while the delete is pending', async () => {
    await applyRemoteChanges(db, [remote(1)]);
    await deleteRow(ctx, 'recipients', R1);
    await applyRemoteChanges(db, [remote(2)]);
    expect(await db.recipients.get(R1)).toBeUndefined();
  });

  it('skips rows that fail the schema instead of failing the page', async () => {
    const report = await applyRemoteChanges(db, [
      remote(1, { idNumber: 'nonsense' }),
      { ...remote(1), rowId: R2, row: { ...remote(1).row, id: R2 } },
    ]);
    expect(report.invalid).toEqual([{ table: 'recipients', rowId: R1, issues: [{ path: ['idNumber'], code: 'id_number_length' }] }]);
    expect(report.upserted).toBe(1);
  });
});
