import { describe, expect, it } from 'vitest';
import type { CategoryEntry, Duty, Recipient } from '../domain/schemas';
import { dutyOccurrenceSchema, dutySchema, recipientSchema } from '../domain/schemas';
import { defaultDutiesFor, firstOccurrence, occurrenceAfterCompletion } from './dutyPlans';

const TODAY = '2026-11-28';
const NOW = '2026-11-28T09:30:00+08:00';
const CASEWORKER = 'c0000000-0000-4000-8000-000000000001';
const DEDICATED = 'd0000000-0000-4000-8000-000000000002';

function idSequence(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

function category(code: CategoryEntry['code'], disabilityGrade: number | null = null): CategoryEntry {
  return { code, disabilityGrade, disabilityCause: null, relation: null, fallenName: null, fallenDate: null };
}

function recipient(categories: CategoryEntry[], extra: Partial<Recipient> = {}): Recipient {
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

const opts = () => ({ today: TODAY, assigneeId: CASEWORKER, newId: idSequence(), now: NOW });
const plans = (duties: Duty[]) =>
  duties.map((d) => `${d.kind}:${d.recurrence.type === 'festival' ? d.recurrence.festival : d.recurrence.type}`);

describe('defaultDutiesFor', () => {
  it('gives a combat hero the weekly call, monthly visit, birthday and every festival, all for the dedicated staff', () => {
    const hero = recipient([category('combat_hero')], { dedicatedStaffId: DEDICATED });
    const duties = defaultDutiesFor(hero, opts());
    expect(plans(duties).sort()).toEqual([
      'birthday:birthday',
      'festival:army_day',
      'festival:martyrs_day',
      'festival:mid_autumn',
      'festival:national_day',
      'festival:qingming',
      'festival:spring_festival',
      'home_visit:monthly',
      'phone_call:weekly',
    ]);
    for (const d of duties) {
      expect(dutySchema.parse(d)).toEqual(d);
      expect(d).toMatchObject({
        recipientId: hero.id,
        stationCode: '440304001001',
        assigneeId: DEDICATED,
        anchorDate: TODAY,
        active: true,
        source: 'default',
        note: '',
        rev: 0,
        updatedAt: NOW,
      });
    }
    expect(new Set(duties.map((d) => d.id)).size).toBe(duties.length);
  });

  it('falls back to the caseworker while a hero has no dedicated staff yet', () => {
    const duties = defaultDutiesFor(recipient([category('first_class_merit')]), opts());
    expect(duties).toHaveLength(9);
    expect(duties.every((d) => d.assigneeId === CASEWORKER)).toBe(true);
  });

  it.each<[string, CategoryEntry[], string[]]>([
    [
      "a martyr's family",
      [category('martyr_family')],
      ['festival:martyrs_day', 'festival:qingming', 'festival:spring_festival', 'home_visit:quarterly'],
    ],
    ['a disabled veteran, grade 3', [category('disabled_veteran', 3)], ['home_visit:quarterly']],
    ['a disabled veteran, grade 7', [category('disabled_veteran', 7)], ['home_visit:half_yearly']],
    [
      'a hero who is also a grade 2 disabled veteran is visited monthly only',
      [category('combat_hero'), category('disabled_veteran', 2)],
      [
        'birthday:birthday',
        'festival:army_day',
        'festival:martyrs_day',
        'festival:mid_autumn',
        'festival:national_day',
        'festival:qingming',
        'festival:spring_festival',
        'home_visit:monthly',
        'phone_call:weekly',
      ],
    ],
  ])('%s', (_name, categories, expected) => {
    const r = recipient(categories, { dedicatedStaffId: DEDICATED });
    const duties = defaultDutiesFor(r, opts());
    expect(plans(duties).sort()).toEqual(expected);
    const heroic = categories.some((c) => c.code === 'combat_hero');
    expect(duties.every((d) => d.assigneeId === (heroic ? DEDICATED : CASEWORKER))).toBe(true);
  });

  it.each(['moved', 'deceased'] as const)('gives a %s recipient no plans', (status) => {
    expect(defaultDutiesFor(recipient([category('combat_hero')], { status, statusDate: TODAY }), opts())).toEqual([]);
  });
});

describe('firstOccurrence', () => {
  const hero = recipient([category('combat_hero')], { dedicatedStaffId: DEDICATED, birthDate: '1949-12-31' });
  const duties = defaultDutiesFor(hero, opts());
  const find = (key: string) => duties.find((d) => plans([d])[0] === key)!;

  it.each([
    ['phone_call:weekly', TODAY],
    ['home_visit:monthly', TODAY],
    ['birthday:birthday', '2026-12-31'],
    ['festival:spring_festival', '2027-02-06'],
    ['festival:qingming', '2027-04-05'],
    ['festival:national_day', '2027-10-01'],
  ])('%s is first due %s', (key, dueDate) => {
    const occ = firstOccurrence(find(key), hero, TODAY, () => 'e0000000-0000-4000-8000-000000000009', NOW);
    expect(occ).toEqual({
      id: 'e0000000-0000-4000-8000-000000000009',
      dutyId: find(key).id,
      recipientId: hero.id,
      stationCode: hero.stationCode,
      dueDate,
      status: 'pending',
      doneAt: null,
      visitId: null,
      rev: 0,
      updatedAt: NOW,
    });
    expect(dutyOccurrenceSchema.parse(occ)).toEqual(occ);
  });

  it('is null for an inactive duty, a recipient no longer served, or a one-off date already past', () => {
    const weekly = find('phone_call:weekly');
    const newId = idSequence();
    expect(firstOccurrence({ ...weekly, active: false }, hero, TODAY, newId, NOW)).toBeNull();
    expect(firstOccurrence(weekly, { ...hero, status: 'deceased' }, TODAY, newId, NOW)).toBeNull();
    expect(firstOccurrence(weekly, { ...hero, status: 'moved' }, TODAY, newId, NOW)).toBeNull();
    const escort: Duty = { ...weekly, kind: 'medical_escort', recurrence: { type: 'once', date: '2026-11-20' }, anchorDate: '2026-11-20' };
    expect(firstOccurrence(escort, hero, TODAY, newId, NOW)).toBeNull();
    expect(
      firstOccurrence({ ...escort, recurrence: { type: 'once', date: '2026-12-02' }, anchorDate: '2026-12-02' }, hero, TODAY, newId, NOW)
        ?.dueDate,
    ).toBe('2026-12-02');
  });
});

describe('occurrenceAfterCompletion', () => {
  const hero = recipient([category('combat_hero')], { dedicatedStaffId: DEDICATED });
  const monthly = defaultDutiesFor(hero, { ...opts(), today: '2026-10-15' }).find((d) => d.recurrence.type === 'monthly')!;

  it.each([
    ['on time', '2026-10-15', '2026-11-15'],
    ['late, skipping the month already passed', '2026-11-28', '2026-12-15'],
    ['early', '2026-10-10', '2026-11-15'],
  ])('a monthly visit due 2026-10-15 done %s → next due %s', (_name, doneDate, expected) => {
    const next = occurrenceAfterCompletion(monthly, hero, { dueDate: '2026-10-15' }, doneDate, idSequence(), NOW);
    expect(next).toMatchObject({ dutyId: monthly.id, dueDate: expected, status: 'pending', doneAt: null });
  });

  it('schedules nothing more for a deceased recipient', () => {
    expect(
      occurrenceAfterCompletion(monthly, { ...hero, status: 'deceased' }, { dueDate: '2026-10-15' }, '2026-10-15', idSequence(), NOW),
    ).toBeNull();
  });
});
