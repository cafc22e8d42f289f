import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityRow, EntityTable } from '../../shared/domain/schemas';
import { occurrenceAfterCompletion, todayInShanghai } from '../../shared/duties';
import { outboxFieldNames } from './atRest/outboxSeal';
import type { StoredRow } from './codec';
import type { YoufuDb } from './database';
import { createRecipient, updateRecipient } from './recipientRepository';
import type { EntityInput } from './repository';
import { newTestDb, recipientInput, testContext, type TestContext, visitInput } from './testFixtures';
import { logVisit } from './visitRepository';

const R1 = '11111111-0000-4000-8000-000000000001';
const V1 = 'bbbbbbbb-0000-4000-8000-000000000001';
const base = { recipientId: R1, stationCode: '440304001001' };

let db: YoufuDb;
let ctx: TestContext;
let occurrenceId: string;
let dutyId: string;

beforeEach(async () => {
  db = newTestDb();
  ctx = testContext(db);
  const created = await createRecipient(ctx, recipientInput(R1, { categories: [{ code: 'combat_hero' }] }));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const monthly = created.value.duties.find((d) => d.kind === 'home_visit')!;
  dutyId = monthly.id;
  occurrenceId = created.value.occurrences.find((o) => o.dutyId === monthly.id)!.id;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const visit = (): EntityInput<'visits'> => visitInput(V1, base.recipientId, base.stationCode);
const aid = (n: number, amountFen: number | null): EntityInput<'aid'> => ({
  ...base,
  id: `cccccccc-0000-4000-8000-00000000000${n}`,
  date: '2026-03-02',
  kind: 'cash',
  amountFen,
  quantity: null,
  item: null,
  fundSource: 'city_foundation',
  approvedBy: '王主任',
  visitId: null,
  acknowledged: true,
  voided: false,
  voidReason: null,
});
const need = (n: number): EntityInput<'requests'> => ({
  ...base,
  id: `dddddddd-0000-4000-8000-00000000000${n}`,
  visitId: null,
  source: 'hotline',
  topic: 'medical',
  description: '腿脚不便，需要轮椅',
  urgency: 'normal',
  assigneeId: null,
  status: 'in_progress',
  resolution: '',
  referredTo: null,
  openedAt: '2026-03-02T10:30:00+08:00',
  closedAt: null,
});

describe('logVisit', () => {
  it('writes the visit, aid, requests, completes the occurrence and schedules the next, in one go', async () => {
    const outboxBefore = await db.outbox.count();
    const r = await logVisit(ctx, { visit: visit(), aid: [aid(1, 50000), aid(2, 20000)], needs: [need(1)], occurrenceId });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.aid.every((a) => a.visitId === V1)).toBe(true);
    expect(r.value.requests[0]).toMatchObject({ visitId: V1, source: 'visit', status: 'open' });
    expect(await db.dutyOccurrences.get(occurrenceId)).toMatchObject({ status: 'done', visitId: V1, doneAt: '2026-03-02T10:00:00+08:00' });
    expect(await db.visits.get(V1)).toMatchObject({ dutyOccurrenceId: occurrenceId });
    expect(r.value.nextOccurrence).toMatchObject({ dutyId, status: 'pending' });
    expect(r.value.nextOccurrence!.dueDate > '2026-03-02').toBe(true);
    // visit + 2 aid + 1 request + occurrence done + next occurrence
    expect((await db.outbox.count()) - outboxBefore).toBe(6);
    const seqs = (await db.outbox.orderBy('seq').toArray()).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('writes nothing when one aid item is invalid, and says which one', async () => {
    const before = { outbox: await db.outbox.count(), audit: await db.auditLocal.count(), occ: await db.dutyOccurrences.count() };
    const r = await logVisit(ctx, { visit: visit(), aid: [aid(1, 50000), aid(2, null)], needs: [need(1)], occurrenceId });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        issues: expect.arrayContaining([{ path: ['aid', 1, 'amountFen'], code: 'aid_amount_required' }]) as unknown,
      },
    });
    expect(await db.visits.count()).toBe(0);
    expect(await db.aid.count()).toBe(0);
    expect(await db.requests.count()).toBe(0);
    expect(await db.dutyOccurrences.get(occurrenceId)).toMatchObject({ status: 'pending' });
    expect({ outbox: await db.outbox.count(), audit: await db.auditLocal.count(), occ: await db.dutyOccurrences.count() }).toEqual(before);
  });

  it('refuses to complete an occurrence twice', async () => {
    await logVisit(ctx, { visit: visit(), aid: [], needs: [], occurrenceId });
    const r = await logVisit(ctx, { visit: { ...visit(), id: 'bbbbbbbb-0000-4000-8000-000000000002' }, aid: [], needs: [], occurrenceId });
    expect(r).toEqual({ ok: false, error: { code: 'occurrence_not_pending', occurrenceId } });
    expect(await db.visits.count()).toBe(1);
  });

  it('writes nothing for an occurrence that does not exist, and says so', async () => {
    const outbox = await db.outbox.count();
    const missing = 'eeeeeeee-0000-4000-8000-000000000001';
    const r = await logVisit(ctx, { visit: visit(), aid: [aid(1, 50000)], needs: [], occurrenceId: missing });
    expect(r).toEqual({ ok: false, error: { code: 'not_found', table: 'dutyOccurrences', rowId: missing } });
    expect(await db.visits.count()).toBe(0);
    expect(await db.aid.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('does not schedule a second next occurrence when the duty already has another pending', async () => {
    // Another device's next occurrence, pulled before this visit was logged.
    const waiting = { ...(await db.dutyOccurrences.get(occurrenceId))!, id: 'eeeeeeee-0000-4000-8000-000000000002', dueDate: '2026-04-02' };
    await db.dutyOccurrences.put(waiting);
    const r = await logVisit(ctx, { visit: visit(), aid: [], needs: [], occurrenceId });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.nextOccurrence).toBeNull();
    expect(await db.dutyOccurrences.where('[dutyId+status]').equals([dutyId, 'pending']).primaryKeys()).toEqual([waiting.id]);
  });

  it("gives each of a visit's writes its own HLC, in the order written", async () => {
    const before = await db.outbox.count();
    const r = await logVisit(ctx, { visit: visit(), aid: [aid(1, 50000)], needs: [], occurrenceId });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const entries = (await db.outbox.orderBy('seq').toArray()).slice(before);
    expect(entries.map((e) => e.table)).toEqual(['visits', 'aid', 'dutyOccurrences', 'dutyOccurrences']);
    const hlcs = entries.map((e) => e.hlc);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    expect(hlcs).toEqual([...hlcs].sort());
  });

  // logVisit opens the recipient and seals the visit BEFORE its transaction (no crypto wait
  // inside it); what changes in between must still count, as if it all happened inside.
  describe('edits that land between the preparation and the transaction', () => {
    it('the next birthday follows a lunar-birthday change saved while the visit was being prepared', async () => {
      const created = await db.duties.where('recipientId').equals(R1).toArray();
      const birthday = created.find((d) => d.kind === 'birthday')!;
      const due = (await db.dutyOccurrences.where('[dutyId+status]').equals([birthday.id, 'pending']).first())!;
      const open = db.codec.decode.bind(db.codec);
      // The recipient is read and opened for the next due date; meanwhile another window saves
      // the profile with the birthday kept by the lunar calendar.
      vi.spyOn(db.codec, 'decode').mockImplementationOnce(
        async <T extends EntityTable>(table: T, stored: StoredRow<T>): Promise<EntityRow<T>> => {
          const edited = await updateRecipient(ctx, R1, { lunarBirthday: true });
          if (!edited.ok) throw new Error(JSON.stringify(edited.error));
          return open(table, stored);
        },
      );
      const r = await logVisit(ctx, { visit: visit(), aid: [], needs: [], occurrenceId: due.id });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const recipient = await open('recipients', (await db.recipients.get(R1))!);
      expect(recipient.lunarBirthday).toBe(true);
      const duty = await open('duties', birthday);
      const doneDate = todayInShanghai(new Date(visit().visitedAt));
      const expected = occurrenceAfterCompletion(duty, recipient, due, doneDate, () => 'x', 'x')!.dueDate;
      const solar = occurrenceAfterCompletion(duty, { ...recipient, lunarBirthday: false }, due, doneDate, () => 'x', 'x')!.dueDate;
      expect(expected).not.toBe(solar);
      expect(r.value.nextOccurrence?.dueDate).toBe(expected);
      expect((await db.dutyOccurrences.get(r.value.nextOccurrence!.id))?.dueDate).toBe(expected);
    });

    it('a visit row pulled meanwhile under the same id is edited, not overwritten as new', async () => {
      const seal = db.codec.encode.bind(db.codec);
      const pulled = { ...visit(), outcome: 'reached' as const, notes: '另一台设备的记录', rev: 4, updatedAt: '2026-03-02T09:30:00+08:00' };
      // While the visit is sealed, a pull stores the server's copy of that same visit (rev 4).
      vi.spyOn(db.codec, 'encode').mockImplementationOnce(
        async <T extends EntityTable>(table: T, row: EntityRow<T>): Promise<StoredRow<T>> => {
          await db.visits.put(await seal('visits', pulled));
          return seal(table, row);
        },
      );
      const r = await logVisit(ctx, { visit: visit(), aid: [], needs: [], occurrenceId });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const stored = await db.codec.decode('visits', (await db.visits.get(V1))!);
      expect(stored).toMatchObject({ rev: 4, notes: visit().notes, dutyOccurrenceId: occurrenceId });
      const entry = (await db.outbox.where('[table+rowId]').equals(['visits', V1]).toArray()).at(-1)!;
      // An edit of rev 4 carrying only what this visit changes: the server merges it field by field.
      expect(entry.baseRev).toBe(4);
      expect(outboxFieldNames(entry).sort()).toEqual(['dutyOccurrenceId', 'notes']);
    });

    it('a completion saved meanwhile on another window makes this visit write nothing', async () => {
      const seal = db.codec.encode.bind(db.codec);
      const other = { ...visit(), id: 'bbbbbbbb-0000-4000-8000-000000000009' };
      vi.spyOn(db.codec, 'encode').mockImplementationOnce(
        async <T extends EntityTable>(table: T, row: EntityRow<T>): Promise<StoredRow<T>> => {
          const first = await logVisit(ctx, { visit: other, aid: [], needs: [], occurrenceId });
          if (!first.ok) throw new Error(JSON.stringify(first.error));
          return seal(table, row);
        },
      );
      const before = await db.outbox.count();
      const r = await logVisit(ctx, { visit: visit(), aid: [aid(1, 50000)], needs: [], occurrenceId });
      expect(r).toEqual({ ok: false, error: { code: 'occurrence_not_pending', occurrenceId } });
      expect(await db.visits.get(V1)).toBeUndefined();
      expect(await db.aid.count()).toBe(0);
      // Only the other window's visit, its completion and its next occurrence.
      expect(await db.outbox.count()).toBe(before + 3);
      expect(await db.dutyOccurrences.where('[dutyId+status]').equals([dutyId, 'pending']).count()).toBe(1);
    });
  });
});

describe('logVisit: which contact closes which duty', () => {
  const pendingOf = async (kind: string, festival?: string) => {
    const duty = (await db.duties.where('recipientId').equals(R1).toArray()).find(
      (d) => d.kind === kind && (festival === undefined || (d.recurrence.type === 'festival' && d.recurrence.festival === festival)),
    )!;
    return (await db.dutyOccurrences.where('[dutyId+status]').equals([duty.id, 'pending']).first())!;
  };

  it("a phone call does not close a hero's monthly home visit, and writes nothing", async () => {
    const outbox = await db.outbox.count();
    const r = await logVisit(ctx, { visit: { ...visit(), mode: 'phone' }, aid: [], needs: [], occurrenceId });
    expect(r).toEqual({ ok: false, error: { code: 'occurrence_wrong_mode', occurrenceId } });
    expect(await db.visits.count()).toBe(0);
    expect(await db.dutyOccurrences.get(occurrenceId)).toMatchObject({ status: 'pending' });
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('one call completes the weekly call and a festival greeting together, each schedules its next', async () => {
    const call = await pendingOf('phone_call');
    const festival = await pendingOf('festival', 'spring_festival');
    const r = await logVisit(ctx, {
      visit: { ...visit(), mode: 'phone', purpose: 'festival', festival: 'spring_festival' },
      aid: [],
      needs: [],
      occurrenceId: call.id,
      occurrenceIds: [call.id, festival.id],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(await db.dutyOccurrences.get(call.id)).toMatchObject({ status: 'done', visitId: V1 });
    expect(await db.dutyOccurrences.get(festival.id)).toMatchObject({ status: 'done', visitId: V1 });
    // The visit row names the first one, as before.
    expect(await db.visits.get(V1)).toMatchObject({ dutyOccurrenceId: call.id });
    expect(r.value.completedOccurrences.map((o) => o.id)).toEqual([call.id, festival.id]);
    expect(r.value.nextOccurrences.map((o) => o.dutyId).sort()).toEqual([call.dutyId, festival.dutyId].sort());
    expect(await db.dutyOccurrences.where('[dutyId+status]').equals([call.dutyId, 'pending']).count()).toBe(1);
  });

  it('a call that did not get through keeps every duty open, and is recorded as such', async () => {
    const call = await pendingOf('phone_call');
    const r = await logVisit(ctx, {
      visit: { ...visit(), mode: 'phone', outcome: 'not_reached' },
      aid: [],
      needs: [],
      occurrenceId: call.id,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(await db.dutyOccurrences.get(call.id)).toMatchObject({ status: 'pending', visitId: null });
    expect(r.value.visit).toMatchObject({ outcome: 'not_reached', dutyOccurrenceId: null });
    expect(r.value.completedOccurrences).toEqual([]);
  });

  it('old visits without an outcome still open as contacts that got through', async () => {
    const r = await logVisit(ctx, { visit: visit(), aid: [], needs: [], occurrenceId: null });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.visit.outcome).toBe('reached');
  });
});

describe('logVisit: cash aid needs an amount above zero', () => {
  it('refuses a ¥0.00 condolence payment and writes nothing', async () => {
    const r = await logVisit(ctx, { visit: visit(), aid: [aid(1, 0)], needs: [], occurrenceId: null });
    expect(r).toEqual({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: ['aid', 0, 'amountFen'], code: 'aid_amount_positive' }] },
    });
    expect(await db.visits.count()).toBe(0);
    expect(await db.aid.count()).toBe(0);
  });
});
