import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { YoufuDb } from './database';
import { createRecipient, updateRecipient } from './recipientRepository';
import { newTestDb, recipientInput, testContext, type TestContext } from './testFixtures';

const R1 = '11111111-0000-4000-8000-0000000000c1';

let db: YoufuDb;
let ctx: TestContext;
beforeEach(() => {
  db = newTestDb();
  ctx = testContext(db);
});
afterEach(() => db.delete());

const activePlans = async () =>
  (await db.duties.where('recipientId').equals(R1).toArray())
    .filter((d) => d.active)
    .map((d) => `${d.kind}:${d.recurrence.type}`)
    .sort();

describe('updateRecipient with new categories', () => {
  it("a martyr's family member recognised as a combat hero gets the hero's plans at once, each with a pending occurrence, all synced", async () => {
    const created = await createRecipient(ctx, recipientInput(R1, { categories: [{ code: 'martyr_family', relation: 'spouse' }] }));
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const plansBefore = await activePlans();
    const outboxBefore = await db.outbox.count();

    const r = await updateRecipient(ctx, R1, { categories: [{ code: 'martyr_family', relation: 'spouse' }, { code: 'combat_hero' }] });
    expect(r.ok).toBe(true);
    const plansAfter = await activePlans();
    expect(plansAfter).toContain('phone_call:weekly');
    expect(plansAfter).toContain('birthday:birthday');
    expect(plansAfter.length).toBeGreaterThan(plansBefore.length);
    const active = (await db.duties.where('recipientId').equals(R1).toArray()).filter((d) => d.active);
    const pending = await db.dutyOccurrences.where('[recipientId+status]').equals([R1, 'pending']).toArray();
    for (const d of active) expect(pending.some((o) => o.dutyId === d.id)).toBe(true);
    // Recipient + new duties + their occurrences went to the outbox in the same write.
    expect(await db.outbox.count()).toBeGreaterThan(outboxBefore + (plansAfter.length - plansBefore.length));
  });

  it('dropping the hero category stops the hero-only plans and cancels their pending occurrences', async () => {
    await createRecipient(
      ctx,
      recipientInput(R1, { categories: [{ code: 'martyr_family', relation: 'spouse' }, { code: 'combat_hero' }] }),
    );
    const r = await updateRecipient(ctx, R1, { categories: [{ code: 'martyr_family', relation: 'spouse' }] });
    expect(r.ok).toBe(true);
    expect(await activePlans()).not.toContain('phone_call:weekly');
    const weekly = (await db.duties.where('recipientId').equals(R1).toArray()).find(
      (d) => d.kind === 'phone_call' && d.recurrence.type === 'weekly',
    );
    expect(weekly?.active).toBe(false);
    const weeklyPending = await db.dutyOccurrences
      .where('dutyId')
      .equals(weekly!.id)
      .filter((o) => o.status === 'pending')
      .count();
    expect(weeklyPending).toBe(0);
  });

  it('an edit that leaves the categories alone leaves the plans alone', async () => {
    await createRecipient(ctx, recipientInput(R1, { categories: [{ code: 'combat_hero' }] }));
    const before = await db.duties.toArray();
    expect((await updateRecipient(ctx, R1, { address: '福田区园岭街道八卦岭 12 栋' })).ok).toBe(true);
    expect(await db.duties.toArray()).toEqual(before);
  });
});
