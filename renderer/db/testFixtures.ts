import { IDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { idNumberCheckChar, parseIdNumber } from '../../shared/validation/idNumber';
import { type DatabaseKeyMaterial, generateKeyMaterial } from './atRest/keys';
import { YoufuDb } from './database';
import type { EntityInput, RepoContext } from './repository';

/** Test-only helpers: a fresh in-memory database per test, deterministic ids and clock. */
/** Fresh random database keys per test database (raw material; the codec imports it on first use). */
export function newTestDb(keys: DatabaseKeyMaterial = generateKeyMaterial()): YoufuDb {
  return new YoufuDb(`test-${Math.random().toString(36).slice(2)}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange: FakeIDBKeyRange,
    keys,
  });
}

export function idSequence(prefix = 'a'): () => string {
  let n = 0;
  const hex = prefix.padEnd(8, '0').slice(0, 8);
  return () => `${hex}-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

export const STAFF_ID = 'ffffffff-0000-4000-8000-000000000001';

export interface TestContext extends RepoContext {
  clock: { ms: number };
}

export function testContext(db: YoufuDb, startIso = '2026-03-02T09:00:00+08:00'): TestContext {
  const clock = { ms: Date.parse(startIso) };
  return {
    db,
    actor: { staffId: STAFF_ID, name: '李四' },
    // Each read of the clock advances it a little, like real time between writes.
    now: () => new Date((clock.ms += 1000)),
    newId: idSequence(),
    clock,
  };
}

/** A valid ID number for a birth date `YYYYMMDD` and a 3-digit sequence. */
export function makeIdNumber(birth: string, seq: string, region = '440304'): string {
  const first17 = `${region}${birth}${seq}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** An ID number whose check character is X, to test lowercase input. */
export function idNumberEndingInX(birth = '19451001'): string {
  for (let n = 0; n < 1000; n++) {
    const id = makeIdNumber(birth, String(n).padStart(3, '0'));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check digit for this birth date');
}

/**
 * A valid recipient; birth date and gender follow the ID number given (as the form fills them),
 * unless given too.
 */
export function recipientInput(id: string, overrides: Partial<EntityInput<'recipients'>> = {}): EntityInput<'recipients'> {
  const parsed = overrides.idNumber === undefined ? null : parseIdNumber(overrides.idNumber);
  const identity = parsed?.ok ? { birthDate: parsed.value.birthDate, gender: parsed.value.gender } : {};
  return {
    id,
    name: '张三丰',
    gender: 'male',
    idNumber: makeIdNumber('19400315', '123'),
    birthDate: '1940-03-15',
    lunarBirthday: false,
    phones: ['13812345678'],
    address: '福田区园岭街道 1 号',
    stationCode: '440304001001',
    categories: [{ code: 'key_recipient' }],
    livingSituation: [],
    healthNotes: '',
    pensionKind: null,
    emergencyContacts: [],
    dedicatedStaffId: null,
    medicalCard: false,
    status: 'active',
    statusDate: null,
    tags: [],
    ...identity,
    ...overrides,
  };
}

/** A home visit by STAFF_ID on 2 March 2026, reached, fair health; `overrides` for the rest. */
export function visitInput(
  id: string,
  recipientId: string,
  stationCode: string,
  overrides: Partial<EntityInput<'visits'>> = {},
): EntityInput<'visits'> {
  return {
    id,
    recipientId,
    stationCode,
    visitedAt: '2026-03-02T10:00:00+08:00',
    mode: 'home',
    outcome: 'reached',
    purpose: 'routine',
    festival: null,
    staffIds: [STAFF_ID],
    condition: { health: 'fair', living: 'good', mood: 'good' },
    notes: '身体尚可',
    dutyOccurrenceId: null,
    photos: [],
    ...overrides,
  };
}

/** A housing request from the help line on 2 March 2026, open and unassigned; `overrides` for the rest. */
export function requestInput(
  id: string,
  recipientId: string | null,
  stationCode: string,
  overrides: Partial<EntityInput<'requests'>> = {},
): EntityInput<'requests'> {
  return {
    id,
    recipientId,
    stationCode,
    visitId: null,
    source: 'hotline',
    topic: 'housing',
    description: '房屋漏水',
    urgency: 'high',
    assigneeId: null,
    status: 'open',
    resolution: '',
    referredTo: null,
    openedAt: '2026-03-02T09:00:00+08:00',
    closedAt: null,
    ...overrides,
  };
}
