import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAid, updateAid, voidAid } from './aidRepository';
import type { YoufuDb } from './database';
import { createDuty, updateDuty } from './dutyRepository';
import { createRecipient } from './recipientRepository';
import { deleteRow, type EntityInput } from './repository';
import { assignRequest, createRequest, transitionRequest } from './requestRepository';
import { newTestDb, recipientInput, requestInput as requestFixture, STAFF_ID, testContext, type TestContext } from './testFixtures';

const R1 = '11111111-0000-4000-8000-000000000001';
const A1 = 'cccccccc-0000-4000-8000-000000000001';
const Q1 = 'dddddddd-0000-4000-8000-000000000001';
const D1 = 'eeeeeeee-0000-4000-8000-000000000001';
const base = { recipientId: R1, stationCode: '440304001001' };

let db: YoufuDb;
let ctx: TestContext;
beforeEach(async () => {
  db = newTestDb();
  ctx = testContext(db);
  const r = await createRecipient(ctx, recipientInput(R1));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
});
afterEach(() => db.delete());

const aidInput: EntityInput<'aid'> = {
  ...base,
  id: A1,
  date: '2026-03-02',
  kind: 'goods',
  amountFen: null,
  quantity: 2,
  item: '食用油',
  fundSource: 'social_donation',
  approvedBy: '',
  visitId: null,
  acknowledged: false,
  voided: false,
  voidReason: null,
};

describe('aid', () => {
  it('is voided with a reason, never deleted', async () => {
    expect((await addAid(ctx, aidInput)).ok).toBe(true);
    expect(await voidAid(ctx, A1, '   ')).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['voidReason'], code: 'aid_void_reason_required' }] },
    });
    const r = await voidAid(ctx, A1, '重复录入');
    expect(r.ok && r.value).toMatchObject({ voided: true, voidReason: '重复录入' });
    expect((await db.codec.openOutbox((await db.outbox.orderBy('seq').last())!)).fields).toEqual({ voided: true, voidReason: '重复录入' });
    expect(await voidAid(ctx, A1, '再次')).toEqual({ ok: false, error: { code: 'aid_already_voided' } });
    expect(await updateAid(ctx, A1, { quantity: 3 })).toEqual({ ok: false, error: { code: 'aid_already_voided' } });
    expect(await deleteRow(ctx, 'aid', A1)).toEqual({ ok: false, error: { code: 'aid_delete_refused' } });
    expect(await db.aid.count()).toBe(1);
  });
});

describe('cash aid needs an amount above zero', () => {
  const cash = { ...aidInput, kind: 'cash' as const, amountFen: 0, quantity: null, item: null };
  it('refuses a new ¥0.00 condolence payment, and a correction to ¥0.00', async () => {
    expect(await addAid(ctx, cash)).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['amountFen'], code: 'aid_amount_positive' }] },
    });
    expect(await db.aid.count()).toBe(0);
    expect((await addAid(ctx, { ...cash, amountFen: 20000 })).ok).toBe(true);
    expect(await updateAid(ctx, A1, { amountFen: 0 })).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['amountFen'], code: 'aid_amount_positive' }] },
    });
  });

  it('still voids a ¥0.00 entry stored before the rule (and the void syncs as a valid row)', async () => {
    const r = await addAid(ctx, { ...cash, amountFen: 20000 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // As an older version stored it.
    await db.aid.put(await db.codec.encode('aid', { ...r.value, amountFen: 0 }));
    const voided = await voidAid(ctx, A1, '金额为零，录入错误');
    expect(voided.ok && voided.value).toMatchObject({ voided: true, amountFen: 0 });
  });
});

describe('request workflow', () => {
  const requestInput: EntityInput<'requests'> = requestFixture(Q1, base.recipientId, base.stationCode, { status: 'resolved' });

  it('goes open → in_progress → resolved with assignee, resolution and closedAt', async () => {
    const created = await createRequest(ctx, requestInput);
    expect(created.ok && created.value.status).toBe('open');
    const started = await transitionRequest(ctx, Q1, { to: 'in_progress', assigneeId: STAFF_ID });
    expect(started.ok && started.value).toMatchObject({ status: 'in_progress', assigneeId: STAFF_ID, closedAt: null });
    expect(await transitionRequest(ctx, Q1, { to: 'resolved', resolution: ' ' })).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['resolution'], code: 'request_resolution_required' }] },
    });
    const resolved = await transitionRequest(ctx, Q1, { to: 'resolved', resolution: '已联系维修' });
    expect(resolved.ok && resolved.value).toMatchObject({ status: 'resolved', resolution: '已联系维修' });
    expect(resolved.ok && resolved.value.closedAt).toMatch(/\+08:00$/);
  });

  it('refuses transitions the workflow does not allow', async () => {
    await createRequest(ctx, requestInput);
    expect((await transitionRequest(ctx, Q1, { to: 'referred', referredTo: '440304' })).ok).toBe(true);
    expect(await transitionRequest(ctx, Q1, { to: 'in_progress' })).toEqual({
      ok: false,
      error: { code: 'request_transition_invalid', from: 'referred', to: 'in_progress' },
    });
    expect(await transitionRequest(ctx, Q1, { to: 'resolved', resolution: 'x' })).toEqual({
      ok: false,
      error: { code: 'request_transition_invalid', from: 'referred', to: 'resolved' },
    });
    expect((await assignRequest(ctx, Q1, STAFF_ID)).ok).toBe(false);
    expect(await db.codec.decode('requests', (await db.requests.get(Q1))!)).toMatchObject({ status: 'referred', referredTo: '440304' });
  });

  it('needs a valid station to refer to', async () => {
    await createRequest(ctx, requestInput);
    expect(await transitionRequest(ctx, Q1, { to: 'referred', referredTo: 'nowhere' })).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['referredTo'], code: 'station_code_invalid' }] },
    });
  });
});

describe('duty plans', () => {
  const dutyInput: EntityInput<'duties'> = {
    ...base,
    id: D1,
    kind: 'medical_escort',
    recurrence: { type: 'monthly' },
    anchorDate: '2026-03-10',
    assigneeId: STAFF_ID,
    active: true,
    source: 'custom',
    note: '每月陪同复查',
  };
  const pendingOf = (dutyId: string) => db.dutyOccurrences.where('[dutyId+status]').equals([dutyId, 'pending']).toArray();

  it('creates a plan with its first occurrence and reschedules when the plan changes', async () => {
    const r = await createDuty(ctx, dutyInput);
    expect(r.ok && r.value.occurrence).toMatchObject({ dutyId: D1, dueDate: '2026-03-10', status: 'pending' });
    const moved = await updateDuty(ctx, D1, { anchorDate: '2026-03-20' });
    expect(moved.ok && moved.value.occurrence?.dueDate).toBe('2026-03-20');
    expect((await pendingOf(D1)).map((o) => o.dueDate)).toEqual(['2026-03-20']);
    expect(
      await db.dutyOccurrences
        .where('dutyId')
        .equals(D1)
        .filter((o) => o.status === 'cancelled')
        .count(),
    ).toBe(1);

    await updateDuty(ctx, D1, { note: '改为陪同体检' });
    expect(await pendingOf(D1)).toHaveLength(1);
    await updateDuty(ctx, D1, { active: false });
    expect(await pendingOf(D1)).toHaveLength(0);
    await updateDuty(ctx, D1, { active: true });
    expect(await pendingOf(D1)).toHaveLength(1);
  });
});
