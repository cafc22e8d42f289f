import { afterEach, describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, addDays, classifyOccurrence } from '../../../shared/duties';
import type { YoufuDb } from '../database';
import { createRecipient } from '../recipientRepository';
import { upsertRow } from '../repository';
import { makeIdNumber, newTestDb, recipientInput, requestInput, testContext } from '../testFixtures';
import { type TodayFilter, dueLines, loadTodayData, loadTodayDetails, openRequests } from './today';

const opened: YoufuDb[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const id = (n: number) => `22222222-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2026-11-28';
const HERO_STAFF = 'ffffffff-0000-4000-8000-0000000000aa';

/**
 * A small caseload registered over three weeks (first contacts are due on registration: overdue,
 * due today and due soon as of TODAY), one hero with a dedicated staff member; `elsewhere` adds
 * a recipient of another district (a database holding more than the Today scope).
 */
async function caseload(opts: { elsewhere?: boolean } = {}): Promise<YoufuDb> {
  const db = newTestDb();
  opened.push(db);
  const people = [
    { n: 1, at: '2026-11-14', name: '赵普通', categories: [{ code: 'martyr_family' as const, relation: 'spouse' as const }] },
    { n: 2, at: '2026-11-20', name: '钱英雄', categories: [{ code: 'combat_hero' as const }], dedicatedStaffId: HERO_STAFF },
    { n: 3, at: '2026-11-28', name: '孙伤残', categories: [{ code: 'disabled_veteran' as const, disabilityGrade: 4 }] },
    { n: 4, at: '2026-11-18', name: '李功臣', categories: [{ code: 'first_class_merit' as const }] },
    { n: 6, at: '2026-12-03', name: '吴新登', categories: [{ code: 'disabled_veteran' as const, disabilityGrade: 6 }] },
    ...(opts.elsewhere
      ? [
          {
            n: 5,
            at: '2026-11-10',
            name: '周外区',
            categories: [{ code: 'martyr_family' as const, relation: 'child' as const }],
            stationCode: '440305001001',
          },
        ]
      : []),
  ];
  const ctx = testContext(db);
  for (const p of people) {
    ctx.clock.ms = Date.parse(`${p.at}T09:00:00+08:00`);
    const { n, at: _at, ...fields } = p;
    const r = await createRecipient(ctx, recipientInput(id(n), { ...fields, idNumber: makeIdNumber('19500101', String(100 + n)) }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  return db;
}

/** The Today list by brute force: every occurrence row read, filtered and sorted by urgency. */
async function reference(db: YoufuDb, filter: TodayFilter) {
  const until = addDays(filter.today, DUE_SOON_DAYS);
  const heroes = new Set((await db.recipients.toArray()).filter((r) => r.isHero === 1).map((r) => r.id));
  const duties = new Map((await db.duties.toArray()).map((d) => [d.id, d]));
  const lines = (await db.dutyOccurrences.toArray())
    .filter((o) => o.status === 'pending' && o.dueDate <= until)
    .filter((o) => filter.stationPrefix === undefined || o.stationCode.startsWith(filter.stationPrefix))
    .filter((o) => filter.assigneeId === undefined || duties.get(o.dutyId)?.assigneeId === filter.assigneeId)
    .map((o) => ({
      id: o.id,
      dueDate: o.dueDate,
      hero: heroes.has(o.recipientId),
      overdue: classifyOccurrence(o, filter.today) === 'overdue',
    }))
    .sort((a, b) =>
      a.hero !== b.hero ? (a.hero ? -1 : 1) : a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.id < b.id ? -1 : 1,
    );
  return lines.map(({ id: occurrenceId, hero, overdue }) => ({ occurrenceId, hero, overdue }));
}

describe('Today list', () => {
  it('orders heroes first, then the longest overdue, and counts overdue and due soon, as a full read would', async () => {
    const db = await caseload();
    const data = await dueLines(db, { stationPrefix: '4403', today: TODAY });
    const expected = await reference(db, { today: TODAY });
    expect(data.lines).toEqual(expected);
    // The data set covers every kind of line.
    expect(expected.some((l) => l.hero && l.overdue)).toBe(true);
    expect(expected.some((l) => !l.hero && l.overdue)).toBe(true);
    expect(expected.some((l) => !l.overdue)).toBe(true);
    expect(data.overdue).toBe(expected.filter((l) => l.overdue).length);
    expect(data.dueSoon).toBe(expected.length - data.overdue);
  });

  it('keeps to a scope narrower than the database, and to the staff member in "mine"', async () => {
    const db = await caseload({ elsewhere: true });
    const all = await dueLines(db, { today: TODAY });
    expect(all.lines).toEqual(await reference(db, { today: TODAY }));
    const district = await dueLines(db, { stationPrefix: '440304', today: TODAY });
    expect(district.lines).toEqual(await reference(db, { stationPrefix: '440304', today: TODAY }));
    expect(district.lines.length).toBeLessThan(all.lines.length);

    const mine = await dueLines(db, { stationPrefix: '4403', assigneeId: HERO_STAFF, today: TODAY });
    expect(mine.lines.length).toBeGreaterThan(0);
    expect(mine.lines).toEqual(await reference(db, { assigneeId: HERO_STAFF, today: TODAY }));
    expect(mine.lines.every((l) => l.hero)).toBe(true);
  });

  it('reads the occurrence, duty and recipient of the lines on a page, in order', async () => {
    const db = await caseload();
    const data = await loadTodayData(db, { stationPrefix: '4403', today: TODAY });
    const page = await loadTodayDetails(db, data.lines.slice(0, 3));
    expect(page.map((i) => i.occurrenceId)).toEqual(data.lines.slice(0, 3).map((l) => l.occurrenceId));
    expect(page.every((i) => i.occurrence.id === i.occurrenceId && i.duty?.id === i.occurrence.dutyId)).toBe(true);
    expect(['钱英雄', '李功臣']).toContain(page[0]?.recipient?.name);
  });

  it('shows a line whose recipient is gone without one, and leaves out a line whose occurrence is gone', async () => {
    const db = await caseload();
    const data = await loadTodayData(db, { today: TODAY });
    const line = data.lines.find((l) => !l.hero)!;
    const [occurrence] = await db.dutyOccurrences.bulkGet([line.occurrenceId]);
    await db.recipients.delete(occurrence!.recipientId);
    const [shown] = await loadTodayDetails(db, [line]);
    expect(shown?.recipient).toBeUndefined();
    expect(shown?.duty?.id).toBe(occurrence!.dutyId);
    await db.dutyOccurrences.delete(line.occurrenceId);
    expect(await loadTodayDetails(db, [line, data.lines[0]!])).toHaveLength(1);
  });

  it("counts open and in-progress requests in the scope, or the staff member's", async () => {
    const db = await caseload({ elsewhere: true });
    const ctx = { ...testContext(db, '2026-11-27T09:00:00+08:00'), newId: () => crypto.randomUUID() };
    const request = (
      n: number,
      recipient: number,
      status: 'open' | 'in_progress' | 'resolved',
      assigneeId: string | null,
      stationCode = '440304001001',
    ) =>
      upsertRow(ctx, 'requests', {
        id: id(100 + n),
        recipientId: id(recipient),
        stationCode,
        visitId: null,
        source: 'hotline',
        topic: 'medical',
        description: '陪同就医',
        urgency: 'normal',
        assigneeId,
        status,
        resolution: '',
        referredTo: null,
        openedAt: `2026-11-2${n}T08:00:00+08:00`,
        closedAt: null,
      });
    await request(1, 1, 'open', null);
    await request(2, 2, 'in_progress', HERO_STAFF);
    await request(3, 3, 'resolved', HERO_STAFF);
    await request(4, 5, 'open', null, '440305001001');
    const count = async (filter: Parameters<typeof openRequests>[1]) => (await openRequests(db, filter)).length;
    expect(await count({})).toBe(3);
    expect(await count({ stationPrefix: '4403' })).toBe(3);
    expect(await count({ stationPrefix: '440304' })).toBe(2);
    expect(await count({ stationPrefix: '440304', assigneeId: HERO_STAFF })).toBe(1);
  });
});

describe('overdue requests on Today', () => {
  it('counts the open ones past the due day their urgency gives, deciding by age where it can', async () => {
    const db = await caseload();
    const ctx = { ...testContext(db, '2026-11-27T09:00:00+08:00'), newId: () => crypto.randomUUID() };
    const request = (n: number, openedOn: string, urgency: 'critical' | 'high' | 'normal' | 'low', status: 'open' | 'resolved' = 'open') =>
      upsertRow(ctx, 'requests', {
        ...requestInput(id(200 + n), id(1), '440304001001', { urgency, status, openedAt: `${openedOn}T08:00:00+08:00` }),
        ...(status === 'resolved' ? { callback: { at: openedOn, result: '已回访', satisfied: true, by: HERO_STAFF } } : {}),
      });
    await request(1, '2026-11-27', 'critical'); // due the 28th: not yet
    await request(2, '2026-11-26', 'critical'); // due the 27th: overdue
    await request(3, '2026-11-24', 'high'); // due the 27th: overdue
    await request(4, '2026-11-22', 'normal'); // due the 29th: not yet
    await request(5, '2026-11-10', 'low'); // due the 24th: overdue (older than any period)
    await request(6, '2026-11-01', 'low', 'resolved'); // closed: never overdue
    const data = await loadTodayData(db, { today: TODAY });
    expect(data.openRequests).toBe(5);
    expect(data.overdueRequests).toBe(3);
  });
});
