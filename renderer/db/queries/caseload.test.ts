import { afterEach, describe, expect, it } from 'vitest';
import type { YoufuDb } from '../database';
import { createRecipient } from '../recipientRepository';
import { makeIdNumber, newTestDb, recipientInput, testContext } from '../testFixtures';
import { firstByNextDue, nextDueByRecipient, nextDueOf, recipientCount, searchRecipientIds, searchRecipients } from './caseload';

const opened: YoufuDb[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const id = (n: number) => `33333333-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function caseload(): Promise<YoufuDb> {
  const db = newTestDb();
  opened.push(db);
  const ctx = testContext(db);
  const people = [
    { n: 1, at: '2026-11-14', name: '赵一', stationCode: '440304001001' },
    { n: 2, at: '2026-11-20', name: '钱二', stationCode: '440304001002' },
    { n: 3, at: '2026-11-02', name: '孙三', stationCode: '440304001001' },
    { n: 4, at: '2026-11-20', name: '李四', stationCode: '440305001001' },
  ];
  for (const p of people) {
    ctx.clock.ms = Date.parse(`${p.at}T09:00:00+08:00`);
    const r = await createRecipient(
      ctx,
      recipientInput(id(p.n), { name: p.name, stationCode: p.stationCode, idNumber: makeIdNumber('19500101', String(100 + p.n)) }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  return db;
}

describe('the caseload list as ids', () => {
  it('finds the same recipients in the same order as the row search, for a scope alone and with criteria', async () => {
    const db = await caseload();
    for (const search of [
      { stationPrefix: '440304' },
      { stationPrefix: '440304001001' },
      {},
      { text: 'z' },
      { stationPrefix: '4403', categories: ['martyr_family' as const] },
    ]) {
      const rows = await searchRecipients(db, search, 1000);
      expect(await searchRecipientIds(db, search)).toEqual(rows.map((r) => r.id));
      expect(await searchRecipientIds(db, search, 2)).toEqual(rows.slice(0, 2).map((r) => r.id));
    }
    expect(await searchRecipientIds(db, { stationPrefix: '440304' })).toHaveLength(3);
    expect(await recipientCount(db, '440304')).toBe(3);
    expect(await recipientCount(db, '4403')).toBe(4);
  });

  it('gives the rows on screen the next due date the whole-scope pass gives them, and sorts the scope by it', async () => {
    const db = await caseload();
    const all = await nextDueByRecipient(db, '4403');
    expect(all.size).toBe(4);
    expect(await nextDueOf(db, [id(1), id(3)])).toEqual(
      new Map([
        [id(1), all.get(id(1))],
        [id(3), all.get(id(3))],
      ]),
    );
    const ids = await searchRecipientIds(db, { stationPrefix: '4403' });
    // First contacts are due on registration: 2 Nov, 14 Nov, then two on 20 Nov in station order.
    // (A stable sort: the same date keeps the station order the search gives.)
    expect([...ids].sort((a, b) => all.get(a)!.localeCompare(all.get(b)!))).toEqual([id(3), id(1), id(2), id(4)]);
  });

  it('reads the top of that order from the start of the due-date index, finishing the last date', async () => {
    const db = await caseload();
    expect(await firstByNextDue(db, '4403', 2)).toEqual([id(3), id(1)]);
    // The third line is due on 20 Nov, like the fourth: both come, in station order.
    expect(await firstByNextDue(db, '4403', 3)).toEqual([id(3), id(1), id(2), id(4)]);
    expect(await firstByNextDue(db, '440304', 10)).toEqual([id(3), id(1), id(2)]);
  });
});
