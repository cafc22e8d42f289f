import { describe, expect, it } from 'vitest';
import type { CategoryEntry, Duty, DutyOccurrence, Recipient } from '../domain/schemas';
import { recipientSchema } from '../domain/schemas';
import { dutyChangesForCategories } from './categoryChange';
import { defaultDutiesFor, firstOccurrence } from './dutyPlans';

const TODAY = '2026-11-28';
const NOW = '2026-11-28T09:30:00+08:00';
const CASEWORKER = 'c0000000-0000-4000-8000-000000000001';

function ids(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
const category = (code: CategoryEntry['code'], disabilityGrade: number | null = null): CategoryEntry => ({
  code,
  disabilityGrade,
  disabilityCause: null,
  relation: null,
  fallenName: null,
  fallenDate: null,
});

function person(categories: CategoryEntry[], extra: Partial<Recipient> = {}): Recipient {
  return recipientSchema.parse({
    id: 'a0000000-0000-4000-8000-000000000001',
    name: '张建国',
    gender: 'male',
    idNumber: '110105194912310011',
    birthDate: '1949-12-31',
    lunarBirthday: false,
    phones: [],
    address: '福田区园岭街道',
    stationCode: '440304001001',
    categories,
    livingSituation: [],
    healthNotes: '',
    pensionKind: null,
    emergencyContacts: [],
    dedicatedStaffId: null,
    medicalCard: false,
    status: 'active',
    statusDate: null,
    tags: [],
    rev: 0,
    updatedAt: NOW,
    ...extra,
  });
}

/** The plans and pending occurrences a recipient registered with `categories` has today. */
function registered(categories: CategoryEntry[]): { recipient: Recipient; duties: Duty[]; pending: DutyOccurrence[] } {
  const recipient = person(categories);
  const newId = ids('b');
  const duties = defaultDutiesFor(recipient, { today: TODAY, assigneeId: CASEWORKER, newId, now: NOW });
  const pending = duties.map((d) => firstOccurrence(d, recipient, TODAY, newId, NOW)).filter((o): o is DutyOccurrence => o !== null);
  return { recipient, duties, pending };
}

const plan = (d: Pick<Duty, 'kind' | 'recurrence'>) =>
  `${d.kind}:${d.recurrence.type === 'festival' ? d.recurrence.festival : d.recurrence.type}`;
const opts = () => ({ today: TODAY, assigneeId: CASEWORKER, newId: ids('e'), now: NOW });

describe('dutyChangesForCategories', () => {
  it('adds the plans a newly recognised combat hero needs and keeps the ones already there', () => {
    const before = registered([category('martyr_family')]);
    const hero = { ...before.recipient, categories: [category('martyr_family'), category('combat_hero')] };
    const changes = dutyChangesForCategories(hero, before.duties, before.pending, opts());
    const expected = defaultDutiesFor(hero, opts()).map(plan);
    const kept = before.duties.filter((d) => expected.includes(plan(d))).map(plan);
    expect([...kept, ...changes.dutiesToAdd.map(plan)].sort()).toEqual([...expected].sort());
    expect(changes.dutiesToAdd.map(plan)).toContain('phone_call:weekly');
    expect(changes.dutiesToAdd.map(plan)).toContain('birthday:birthday');
    // Each added plan gets its first pending occurrence.
    expect(changes.occurrencesToAdd.map((o) => o.dutyId).sort()).toEqual(
      changes.dutiesToAdd
        .filter((d) => firstOccurrence(d, hero, TODAY, ids('f'), NOW) !== null)
        .map((d) => d.id)
        .sort(),
    );
  });

  it('deactivates default plans the categories no longer call for and cancels only their pending occurrences', () => {
    const before = registered([category('combat_hero')]);
    const custom: Duty = {
      ...before.duties[0]!,
      id: 'c1000000-0000-4000-8000-000000000001',
      source: 'custom',
      kind: 'phone_call',
      recurrence: { type: 'monthly' },
    };
    const later = { ...before.recipient, categories: [category('disabled_veteran', 5)] };
    const changes = dutyChangesForCategories(later, [...before.duties, custom], before.pending, opts());
    const stillWanted = new Set(defaultDutiesFor(later, opts()).map(plan));
    expect(changes.dutiesToDeactivate.length).toBeGreaterThan(0);
    for (const d of changes.dutiesToDeactivate) {
      expect(d.active).toBe(false);
      expect(stillWanted.has(plan(d))).toBe(false);
    }
    expect(changes.dutiesToDeactivate.map((d) => d.id)).not.toContain(custom.id);
    const dropped = new Set(changes.dutiesToDeactivate.map((d) => d.id));
    expect(changes.occurrencesToCancel.every((o) => dropped.has(o.dutyId) && o.status === 'cancelled')).toBe(true);
    expect(changes.occurrencesToCancel).toHaveLength(before.pending.filter((o) => dropped.has(o.dutyId)).length);
  });

  it('changes nothing when the plans stay the same, and nothing for someone no longer active', () => {
    const before = registered([category('martyr_family')]);
    const same = dutyChangesForCategories(
      { ...before.recipient, categories: [category('martyr_family'), category('martyr_family')] },
      before.duties,
      before.pending,
      opts(),
    );
    expect(same).toEqual({ dutiesToAdd: [], occurrencesToAdd: [], dutiesToDeactivate: [], occurrencesToCancel: [] });
    const deceased = { ...before.recipient, status: 'deceased' as const, statusDate: '2026-11-01', categories: [category('combat_hero')] };
    expect(dutyChangesForCategories(deceased, before.duties, before.pending, opts()).dutiesToAdd).toEqual([]);
  });
});
