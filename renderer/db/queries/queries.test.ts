import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecipientListItem } from '../codec';
import type { YoufuDb } from '../database';
import { countOutbox } from '../outboxRepository';
import { createRecipient } from '../recipientRepository';
import { upsertRow } from '../repository';
import { makeIdNumber, newTestDb, recipientInput, testContext, type TestContext } from '../testFixtures';
import { searchRecipients } from './caseload';
import { heroesOf } from './heroes';
import { recipientTimeline } from './recipient';
import { dueItemDetails, openRequests, pendingOccurrenceList } from './today';

/** The Today list's two reads together: the pending occurrences, then their duties and recipients. */
async function pendingOccurrences(from: YoufuDb, filter: Parameters<typeof pendingOccurrenceList>[1]) {
  return dueItemDetails(from, await pendingOccurrenceList(from, filter));
}

const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '11111111-0000-4000-8000-000000000002';
const R3 = '11111111-0000-4000-8000-000000000003';
const STAFF2 = 'ffffffff-0000-4000-8000-000000000002';

let db: YoufuDb;
let ctx: TestContext;
beforeEach(async () => {
  db = newTestDb();
  ctx = testContext(db);
  const rows = [
    recipientInput(R1, {
      name: '张三丰',
      idNumber: makeIdNumber('19400315', '123'),
      phones: ['13812345678'],
      categories: [{ code: 'combat_hero' }],
      dedicatedStaffId: STAFF2,
    }),
    recipientInput(R2, {
      name: '单田芳',
      idNumber: makeIdNumber('19500101', '222'),
      phones: ['0755-88889999'],
      stationCode: '440305001001',
      livingSituation: ['alone'],
    }),
    recipientInput(R3, {
      name: '张三',
      idNumber: makeIdNumber('19600101', '333'),
      phones: [],
      categories: [{ code: 'disabled_veteran', disabilityGrade: 3 }],
    }),
  ];
  for (const r of rows) {
    const res = await createRecipient(ctx, r);
    if (!res.ok) throw new Error(JSON.stringify(res.error));
  }
});
afterEach(() => db.delete());

const names = (rs: { name: string }[]): string[] => rs.map((r) => r.name).sort();
/** The names of list items, opened (lists carry no name in clear). */
const listed = async (rs: RecipientListItem[]): Promise<string[]> =>
  names(await Promise.all(rs.map((r) => db.codec.openListItem('recipients', r))));

describe('searchRecipients', () => {
  it.each([
    ['张三', ['张三', '张三丰']],
    ['三丰', ['张三丰']],
    ['zs', ['张三', '张三丰']],
    ['ZSF', ['张三丰']],
    ['zhangsan', ['张三', '张三丰']],
    ['sanfeng', ['张三丰']],
    ['stf', ['单田芳']],
    [makeIdNumber('19500101', '222').slice(-4), ['单田芳']],
    ['5678', ['张三丰']],
    ['9999', ['单田芳']],
    [makeIdNumber('19500101', '222'), ['单田芳']],
    ['李', []],
    ['张三丰x', []],
    ['zhangsanf', ['张三丰']],
    ['tianfang', ['单田芳']],
    ['芳', ['单田芳']],
  ])('finds %s', async (text, expected) => {
    expect(await listed(await searchRecipients(db, { text }))).toEqual(expected);
  });

  it('filters by category, station prefix, living situation and dedicated staff', async () => {
    expect(await listed(await searchRecipients(db, { categories: ['combat_hero', 'disabled_veteran'] }))).toEqual(['张三', '张三丰']);
    expect(await listed(await searchRecipients(db, { text: 'z', stationPrefix: '440304' }))).toEqual(['张三', '张三丰']);
    expect(await listed(await searchRecipients(db, { stationPrefix: '440305' }))).toEqual(['单田芳']);
    expect(await listed(await searchRecipients(db, { livingSituation: ['alone'] }))).toEqual(['单田芳']);
    expect(await listed(await searchRecipients(db, { livingSituation: ['empty_nest'] }))).toEqual([]);
    expect(await listed(await searchRecipients(db, { dedicatedStaffId: STAFF2 }))).toEqual(['张三丰']);
    expect(await searchRecipients(db, {}, 2)).toHaveLength(2);
  });

  it('filters by due status', async () => {
    // Every new recipient's first home visit falls due on the day they are registered.
    expect(await listed(await searchRecipients(db, { dueStatus: { kind: 'due_soon', today: '2026-03-02' } }))).toEqual([
      '单田芳',
      '张三',
      '张三丰',
    ]);
    expect(await searchRecipients(db, { dueStatus: { kind: 'overdue', today: '2026-03-02' } })).toEqual([]);
    expect(await listed(await searchRecipients(db, { dueStatus: { kind: 'overdue', today: '2026-03-03' } }))).toEqual([
      '单田芳',
      '张三',
      '张三丰',
    ]);
  });
});

describe('lists open only the lines on screen', () => {
  it('search, the Today order and open requests decrypt nothing; the lines shown, hero cards and the profile open their rows', async () => {
    await upsertRow(ctx, 'requests', {
      id: 'aaaaaaaa-0000-4000-8000-0000000000b1',
      recipientId: R1,
      stationCode: '440304001001',
      visitId: null,
      source: 'hotline',
      topic: 'medical',
      description: '需要陪同就医',
      urgency: 'high',
      assigneeId: null,
      status: 'open',
      resolution: '',
      referredTo: null,
      openedAt: '2026-01-20T08:00:00+08:00',
      closedAt: null,
    });
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    try {
      const found = await searchRecipients(db, { text: '5678' });
      await searchRecipients(db, {});
      await searchRecipients(db, { text: 'zs', categories: ['combat_hero'] });
      const due = await pendingOccurrenceList(db, { until: '2027-12-31' });
      expect(due.length).toBeGreaterThan(2);
      expect(await openRequests(db)).toHaveLength(1);
      expect(decrypt).not.toHaveBeenCalled();
      // What lists hand out carries no sensitive value in clear.
      const handedOut = JSON.stringify([found, due, await openRequests(db)]);
      for (const secret of ['张三丰', '13812345678', makeIdNumber('19400315', '123'), '福田区园岭街道', '需要陪同就医', '1940-03-15'])
        expect(handedOut).not.toContain(secret);

      // The lines on screen open their recipient and duty: one line, two rows opened.
      const [line] = await dueItemDetails(db, due.slice(0, 1));
      expect(line!.recipient?.name).toBeDefined();
      expect(decrypt).toHaveBeenCalledTimes(2);
      expect(await listed(found)).toEqual(['张三丰']);
      expect(decrypt).toHaveBeenCalledTimes(3);
      expect(names(await heroesOf(db, STAFF2))).toEqual(['张三丰']);
      expect(decrypt).toHaveBeenCalledTimes(4);
      const timeline = await recipientTimeline(db, R1);
      expect(timeline.find((e) => e.kind === 'request')?.row).toMatchObject({ description: '需要陪同就医' });
    } finally {
      decrypt.mockRestore();
    }
  });
});

describe('other reads', () => {
  it('lists pending occurrences up to a date, with duty and recipient, by assignee', async () => {
    const all = await pendingOccurrences(db, { until: '2026-03-02' });
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i) => i.occurrence.dueDate <= '2026-03-02' && i.duty !== undefined && i.recipient !== undefined)).toBe(true);
    const mine = await pendingOccurrences(db, { until: '2027-12-31', assigneeId: STAFF2 });
    expect(new Set(mine.map((i) => i.recipient?.name))).toEqual(new Set(['张三丰']));
    expect(await pendingOccurrences(db, { until: '2027-12-31', stationPrefix: '440305' })).not.toHaveLength(0);
  });

  it('merges a timeline newest first and lists open requests', async () => {
    const base = { recipientId: R1, stationCode: '440304001001' };
    await upsertRow(ctx, 'visits', {
      ...base,
      id: 'aaaaaaaa-0000-4000-8000-0000000000a1',
      visitedAt: '2026-02-01T10:00:00+08:00',
      mode: 'phone',
      purpose: 'routine',
      festival: null,
      staffIds: [STAFF2],
      condition: { health: null, living: null, mood: null },
      notes: '',
      dutyOccurrenceId: null,
      photos: [],
    });
    await upsertRow(ctx, 'aid', {
      ...base,
      id: 'aaaaaaaa-0000-4000-8000-0000000000a2',
      date: '2026-02-15',
      kind: 'goods',
      amountFen: null,
      quantity: 1,
      item: '大米',
      fundSource: 'social_donation',
      approvedBy: '',
      visitId: null,
      acknowledged: false,
      voided: false,
      voidReason: null,
    });
    await upsertRow(ctx, 'requests', {
      ...base,
      id: 'aaaaaaaa-0000-4000-8000-0000000000a3',
      visitId: null,
      source: 'hotline',
      topic: 'medical',
      description: '需要陪同就医',
      urgency: 'high',
      assigneeId: null,
      status: 'open',
      resolution: '',
      referredTo: null,
      openedAt: '2026-01-20T08:00:00+08:00',
      closedAt: null,
    });
    expect((await recipientTimeline(db, R1)).map((e) => e.kind)).toEqual(['aid', 'visit', 'request']);
    // The Today count reads summaries: no description, nothing decrypted.
    const open = await openRequests(db);
    expect(open.map((r) => r.topic)).toEqual(['medical']);
    expect(open[0]).not.toHaveProperty('description');
    expect(await openRequests(db, { stationPrefix: '440305' })).toEqual([]);
  });

  it('finds the heroes of a dedicated staff member and counts the outbox', async () => {
    expect(names(await heroesOf(db, STAFF2))).toEqual(['张三丰']);
    expect(await countOutbox(db)).toBe(await db.outbox.count());
  });
});
