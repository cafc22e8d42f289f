import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { YoufuDb } from './database';
import { changeRecipientStatus, createRecipient, updateRecipient } from './recipientRepository';
import { idNumberEndingInX, makeIdNumber, newTestDb, recipientInput, testContext, type TestContext } from './testFixtures';

const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '11111111-0000-4000-8000-000000000002';
const STAFF2 = 'ffffffff-0000-4000-8000-000000000002';

let db: YoufuDb;
let ctx: TestContext;
beforeEach(() => {
  db = newTestDb();
  ctx = testContext(db);
});
afterEach(() => db.delete());

describe('createRecipient', () => {
  it('creates the recipient with default duty plans and their first occurrences, all in the outbox', async () => {
    const r = await createRecipient(ctx, recipientInput(R1, { categories: [{ code: 'combat_hero' }], dedicatedStaffId: STAFF2 }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.duties.length).toBeGreaterThanOrEqual(9);
    expect(r.value.duties.every((d) => d.assigneeId === STAFF2 && d.recipientId === R1)).toBe(true);
    expect(r.value.occurrences.length).toBe(r.value.duties.length);
    expect(await db.duties.count()).toBe(r.value.duties.length);
    expect(await db.outbox.count()).toBe(1 + r.value.duties.length + r.value.occurrences.length);
    expect((await db.recipients.get(R1))!.isHero).toBe(1);
  });

  it('gives the default plans of a non-hero to the acting staff member', async () => {
    const r = await createRecipient(ctx, recipientInput(R1));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.duties.map((d) => d.assigneeId)).toEqual(r.value.duties.map(() => ctx.actor.staffId));
  });

  it('refuses an ID number that is already registered, even typed with a lowercase x', async () => {
    const id = idNumberEndingInX();
    await createRecipient(ctx, recipientInput(R1, { idNumber: id }));
    const before = await db.outbox.count();
    const r = await createRecipient(ctx, recipientInput(R2, { name: '王五', idNumber: id.toLowerCase() }));
    expect(r).toEqual({ ok: false, error: { code: 'id_number_duplicate', existingId: R1 } });
    expect(await db.recipients.count()).toBe(1);
    expect(await db.outbox.count()).toBe(before);
  });

  it('returns the zod code for a wrong check digit and writes nothing', async () => {
    const good = makeIdNumber('19400315', '123');
    const wrong = `${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`;
    const r = await createRecipient(ctx, recipientInput(R1, { idNumber: wrong }));
    expect(r).toEqual({ ok: false, error: { code: 'validation_failed', issues: [{ path: ['idNumber'], code: 'id_number_checksum' }] } });
    expect(await db.duties.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('updateRecipient', () => {
  it('refuses changing the ID number to one another recipient holds', async () => {
    await createRecipient(ctx, recipientInput(R1));
    await createRecipient(ctx, recipientInput(R2, { idNumber: makeIdNumber('19500101', '222') }));
    const r = await updateRecipient(ctx, R2, { idNumber: makeIdNumber('19400315', '123') });
    expect(r).toEqual({ ok: false, error: { code: 'id_number_duplicate', existingId: R1 } });
    expect((await updateRecipient(ctx, R2, { phones: ['0755 12345678'] })).ok).toBe(true);
    expect((await db.codec.decode('recipients', (await db.recipients.get(R2))!)).phones).toEqual(['0755-12345678']);
    // The phone tail is searchable only as its HMAC, never in clear.
    expect((await db.recipients.get(R2))!.searchKeys).toContain(db.codec.tailKey('5678'));
    expect((await db.recipients.get(R2))!.searchKeys).not.toContain('5678');
  });
});

describe('changeRecipientStatus', () => {
  it('deactivates duties and cancels pending occurrences with the status, in one write', async () => {
    const created = await createRecipient(ctx, recipientInput(R1, { categories: [{ code: 'martyr_family', relation: 'spouse' }] }));
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const r = await changeRecipientStatus(ctx, R1, 'deceased', '2026-03-01');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.recipient.status).toBe('deceased');
    expect(r.value.deactivatedDuties).toHaveLength(created.value.duties.length);
    expect(await db.dutyOccurrences.where('[status+dueDate]').between(['pending', ''], ['pending', '\uffff']).count()).toBe(0);
    expect((await db.duties.toArray()).every((d) => !d.active)).toBe(true);
  });

  it('needs a status date for moved or deceased, and then changes nothing', async () => {
    await createRecipient(ctx, recipientInput(R1));
    const before = await db.outbox.count();
    const r = await changeRecipientStatus(ctx, R1, 'moved', null);
    expect(r).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['statusDate'], code: 'status_date_required' }] },
    });
    expect(await db.outbox.count()).toBe(before);
    expect((await db.duties.toArray()).every((d) => d.active)).toBe(true);
  });
});
