import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAid, handOutAid, updateAid, voidAid } from './aidRepository';
import type { PreparedAttachment } from '../../shared/attachments/prepared';
import type { YoufuDb } from './database';
import { createDuty, updateDuty } from './dutyRepository';
import { createRecipient } from './recipientRepository';
import { deleteRow, type EntityInput } from './repository';
import { assignRequest, createRequest, linkRequestRecipient, recordCallback, transitionRequest } from './requestRepository';
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

describe('aid handed out at the station', () => {
  const signature: PreparedAttachment = {
    id: 'aaaaaaaa-0000-4000-8000-0000000000a1',
    kind: 'signature',
    mime: 'image/png',
    bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    sha256: 'a'.repeat(64),
    width: 560,
    height: 220,
    thumb: null,
    fileName: '签名.png',
    caption: '',
  };
  const line = (id: string, over: Partial<EntityInput<'aid'>> = {}): EntityInput<'aid'> => ({
    ...aidInput,
    id,
    kind: 'cash',
    amountFen: 80000,
    quantity: null,
    item: null,
    fundSource: 'city_foundation',
    acknowledged: true,
    ...over,
  });

  it('records every line with no visit and the signature on its line, in one write', async () => {
    const A2 = 'cccccccc-0000-4000-8000-000000000002';
    const done = await handOutAid(ctx, {
      aid: [line(A1), line(A2, { kind: 'goods', amountFen: null, item: '米', quantity: 2 })],
      attachments: [{ file: signature, aidIndex: 0 }],
    });
    expect(done.ok, JSON.stringify(done)).toBe(true);
    const rows = await Promise.all((await db.aid.toArray()).map((r) => db.codec.decode('aid', r)));
    expect(rows.map((r) => [r.id, r.visitId, r.voided]).sort()).toEqual([
      [A1, null, false],
      [A2, null, false],
    ]);
    const [att] = await db.attachments.toArray();
    expect(att).toMatchObject({ ownerTable: 'aid', ownerId: A1, recipientId: R1 });
  });

  it('writes nothing when one line is wrong', async () => {
    const bad = await handOutAid(ctx, {
      aid: [line(A1), line('cccccccc-0000-4000-8000-000000000003', { amountFen: 0 })],
      attachments: [{ file: signature, aidIndex: 0 }],
    });
    expect(bad.ok).toBe(false);
    expect(await db.aid.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
    expect((await handOutAid(ctx, { aid: [], attachments: [] })).ok).toBe(false);
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
    // Not without a call-back to whoever raised it: nothing written.
    expect(await transitionRequest(ctx, Q1, { to: 'resolved', resolution: '已联系维修' })).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['callback'], code: 'request_callback_required' }] },
    });
    expect((await db.codec.decode('requests', (await db.requests.get(Q1))!)).status).toBe('in_progress');
    const resolved = await transitionRequest(ctx, Q1, {
      to: 'resolved',
      resolution: '已联系维修',
      callback: { at: '2026-03-03', result: '已修好，老人满意', satisfied: true },
    });
    expect(resolved.ok && resolved.value).toMatchObject({
      status: 'resolved',
      resolution: '已联系维修',
      callback: { at: '2026-03-03', result: '已修好，老人满意', satisfied: true, by: STAFF_ID },
    });
    expect(resolved.ok && resolved.value.closedAt).toMatch(/\+08:00$/);
  });

  it('records a call-back first, then resolves on it; a call-back dated before the request is refused', async () => {
    await createRequest(ctx, requestInput);
    expect(await recordCallback(ctx, Q1, { at: '2026-03-01', result: '已回访', satisfied: false })).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['callback', 'at'], code: 'request_callback_before_opened' }] },
    });
    expect(await recordCallback(ctx, Q1, { at: '2026-03-02', result: ' ', satisfied: false })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['callback', 'result'], code: 'request_callback_result_required' }] },
    });
    expect((await db.codec.decode('requests', (await db.requests.get(Q1))!)).callback).toBeNull();
    expect((await recordCallback(ctx, Q1, { at: '2026-03-02', result: '尚未修好', satisfied: false })).ok).toBe(true);
    const resolved = await transitionRequest(ctx, Q1, { to: 'resolved', resolution: '已协调物业维修' });
    expect(resolved.ok && resolved.value.callback).toMatchObject({ result: '尚未修好', satisfied: false });
  });

  it('takes a help-line call about someone not identified yet, and links them later', async () => {
    const call = requestFixture(Q1, null, '440304001002', { callerName: '王女士', callerPhone: '13800138000', source: 'hotline' });
    const created = await createRequest(ctx, call);
    expect(created.ok && created.value).toMatchObject({ recipientId: null, stationCode: '440304001002', callerName: '王女士' });
    const linked = await linkRequestRecipient(ctx, Q1, R1);
    // It joins the recipient's case file, at the recipient's station.
    expect(linked.ok && linked.value).toMatchObject({ recipientId: R1, stationCode: base.stationCode });
    expect(await linkRequestRecipient(ctx, Q1, R1)).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'request_already_linked' }] },
    });
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
