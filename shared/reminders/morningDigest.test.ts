import { describe, expect, it } from 'vitest';
import type { Duty } from '../domain/schemas';
import { type DigestInput, type DigestOccurrence, isDigestEmpty, morningDigest } from './morningDigest';

const TODAY = '2026-11-28';
const HERO = 'hero-1';
const LUNAR = 'lunar-1';

type DutyFacts = Pick<Duty, 'kind' | 'recurrence'>;
const DUTIES = new Map<string, DutyFacts>([
  ['visit', { kind: 'home_visit', recurrence: { type: 'monthly' } }],
  ['birthday', { kind: 'birthday', recurrence: { type: 'birthday' } }],
  ['birthday-lunar', { kind: 'birthday', recurrence: { type: 'birthday' } }],
  ['spring', { kind: 'festival', recurrence: { type: 'festival', festival: 'spring_festival' } }],
  ['army', { kind: 'festival', recurrence: { type: 'festival', festival: 'army_day' } }],
]);

const occ = (dueDate: string, dutyId = 'visit', recipientId = 'r', status: DigestOccurrence['status'] = 'pending'): DigestOccurrence => ({
  dueDate,
  dutyId,
  recipientId,
  status,
});

function input(over: Partial<DigestInput>): DigestInput {
  return {
    today: TODAY,
    occurrences: [],
    heroRecipientIds: new Set([HERO]),
    duties: DUTIES,
    lunarBirthdayRecipientIds: new Set([LUNAR]),
    requests: [],
    ...over,
  };
}

describe('morningDigest', () => {
  it('counts overdue and due-today duties, the heroes’ apart, and leaves later ones out', () => {
    const d = morningDigest(
      input({
        occurrences: [
          occ('2026-11-18', 'visit', HERO), // hero, 10 days overdue
          occ('2026-11-27', 'visit', HERO),
          occ('2026-11-28', 'visit', HERO), // hero, due today
          occ('2026-11-01'),
          occ('2026-11-28'),
          occ('2026-11-28'),
          occ('2026-11-29'), // tomorrow: neither
          occ('2026-11-20', 'visit', 'r', 'done'), // done: never counted
        ],
      }),
    );
    expect(d.duties).toEqual({ overdue: 3, dueToday: 3 });
    expect(d.heroes).toEqual({ overdue: 2, dueToday: 1 });
    expect(d.birthdaysAhead).toEqual({ total: 0, lunar: 0 });
  });

  it('announces birthday and festival greetings of the next three days (tomorrow on), lunar birthdays named', () => {
    const d = morningDigest(
      input({
        occurrences: [
          occ('2026-11-29', 'birthday', 'r1'),
          occ('2026-12-01', 'birthday-lunar', LUNAR), // today + 3: still inside
          occ('2026-12-02', 'birthday', 'r2'), // today + 4: not yet
          occ('2026-11-28', 'birthday', 'r3'), // today: a due-today duty, not a notice
          occ('2026-12-01', 'spring', 'a'),
          occ('2026-11-30', 'spring', 'b'),
          occ('2026-11-29', 'army', 'c'),
          occ('2026-11-30', 'visit', 'd'), // a visit ahead: no notice
        ],
      }),
    );
    expect(d.birthdaysAhead).toEqual({ total: 2, lunar: 1 });
    expect(d.festivalsAhead).toEqual([
      { festival: 'army_day', date: '2026-11-29', count: 1 },
      { festival: 'spring_festival', date: '2026-11-30', count: 2 },
    ]);
    expect(d.duties).toEqual({ overdue: 0, dueToday: 1 });
  });

  it('counts the requests past their urgency’s due date, open or in progress only', () => {
    const d = morningDigest(
      input({
        requests: [
          { status: 'open', urgency: 'critical', openedAt: '2026-11-26T09:00:00+08:00' }, // due 11-27: overdue
          { status: 'in_progress', urgency: 'normal', openedAt: '2026-11-10T09:00:00+08:00' }, // due 11-17: overdue
          { status: 'open', urgency: 'normal', openedAt: '2026-11-25T09:00:00+08:00' }, // due 12-02
          { status: 'resolved', urgency: 'critical', openedAt: '2026-10-01T09:00:00+08:00' },
        ],
      }),
    );
    expect(d.overdueRequests).toBe(2);
    expect(isDigestEmpty(d)).toBe(false);
  });

  it('is empty on a quiet day', () => {
    const d = morningDigest(input({ occurrences: [occ('2026-12-01'), occ('2026-11-30', 'visit', HERO)] }));
    expect(isDigestEmpty(d)).toBe(true);
    expect(isDigestEmpty(morningDigest(input({ occurrences: [occ('2026-12-01', 'army')] })))).toBe(false);
  });
});
