import { afterEach, describe, expect, it } from 'vitest';
import type { YoufuDb } from '../../db/database';
import { createRecipient } from '../../db/recipientRepository';
import { makeIdNumber, newTestDb, recipientInput, testContext } from '../../db/testFixtures';
import { loadTodayData, loadTodayDetails } from './useTodayItems';

const opened: YoufuDb[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const id = (n: number) => `22222222-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function caseload(): Promise<YoufuDb> {
  const db = newTestDb();
  opened.push(db);
  const ctx = testContext(db, '2026-11-20T09:00:00+08:00');
  // Registered a week ago: the first contacts of every plan are due (or overdue) by today.
  const people = [
    { n: 1, name: '赵普通', categories: [{ code: 'martyr_family' as const, relation: 'spouse' as const }] },
    { n: 2, name: '钱英雄', categories: [{ code: 'combat_hero' as const }] },
    { n: 3, name: '孙伤残', categories: [{ code: 'disabled_veteran' as const, disabilityGrade: 4 }] },
  ];
  for (const p of people) {
    const r = await createRecipient(ctx, recipientInput(id(p.n), { name: p.name, idNumber: makeIdNumber('19500101', String(100 + p.n)), categories: p.categories }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  return db;
}

describe('Today data', () => {
  it('sorts heroes first from the hero index alone, and reads duties and recipients only for the lines asked for', async () => {
    const db = await caseload();
    const data = await loadTodayData(db, { today: '2026-11-28' });
    expect(data.items.length).toBeGreaterThan(3);
    expect(data.overdue + data.dueSoon).toBe(data.items.length);
    const heroLines = data.items.filter((i) => i.hero);
    expect(heroLines.length).toBeGreaterThan(0);
    expect(heroLines.every((i) => i.occurrence.recipientId === id(2))).toBe(true);
    // Every hero line comes before every other line.
    const firstOther = data.items.findIndex((i) => !i.hero);
    expect(data.items.slice(firstOther).some((i) => i.hero)).toBe(false);
    // The sorted lines carry no duty or recipient yet.
    expect(Object.keys(data.items[0]!).sort()).toEqual(['hero', 'occurrence', 'overdue']);

    const page = await loadTodayDetails(db, data.items.slice(0, 2));
    expect(page.map((i) => i.occurrence.id)).toEqual(data.items.slice(0, 2).map((i) => i.occurrence.id));
    expect(page.every((i) => i.recipient?.name === '钱英雄' && i.duty?.id === i.occurrence.dutyId)).toBe(true);
  });

  it('a page whose recipient is gone shows the line without one', async () => {
    const db = await caseload();
    const data = await loadTodayData(db, { today: '2026-11-28' });
    const line = data.items.find((i) => i.occurrence.recipientId === id(1))!;
    await db.recipients.delete(id(1));
    const [shown] = await loadTodayDetails(db, [line]);
    expect(shown?.recipient).toBeUndefined();
    expect(shown?.duty?.id).toBe(line.occurrence.dutyId);
  });
});
