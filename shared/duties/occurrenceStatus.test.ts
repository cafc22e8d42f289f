import { describe, expect, it } from 'vitest';
import type { DutyOccurrence } from '../domain/schemas';
import { classifyOccurrence, compareUrgency, daysOverdue } from './occurrenceStatus';
import type { OccurrenceState, UrgencyItem } from './occurrenceStatus';

const today = '2026-11-28';

describe('classifyOccurrence', () => {
  it.each<[DutyOccurrence['status'], string, OccurrenceState]>([
    ['pending', '2026-11-27', 'overdue'],
    ['pending', '2026-10-15', 'overdue'],
    ['pending', '2026-11-28', 'due_soon'], // due today is not overdue yet
    ['pending', '2026-12-05', 'due_soon'], // today + 7
    ['pending', '2026-12-06', 'upcoming'], // today + 8
    ['pending', '2027-03-01', 'upcoming'],
    ['done', '2026-10-15', 'done'], // done late is done, not overdue
    ['done', '2026-12-20', 'done'],
    ['cancelled', '2026-10-15', 'cancelled'], // a cancelled duty never shows as overdue
  ])('%s due %s → %s', (status, dueDate, expected) => {
    expect(classifyOccurrence({ status, dueDate }, today)).toBe(expected);
  });
});

describe('daysOverdue', () => {
  it.each([
    ['2026-11-28', 0],
    ['2026-11-27', 1],
    ['2026-10-15', 44],
    ['2025-11-28', 365],
    ['2026-12-01', 0],
  ])('due %s is %i days overdue on 2026-11-28', (dueDate, days) => {
    expect(daysOverdue(dueDate, today)).toBe(days);
  });
});

describe('compareUrgency', () => {
  it('puts heroes first, then the most overdue, then the earliest due', () => {
    const items: (UrgencyItem & { name: string })[] = [
      { name: 'citizen due in 3 days', isHero: false, dueDate: '2026-12-01' },
      { name: 'hero due today', isHero: true, dueDate: '2026-11-28' },
      { name: 'citizen 30 days overdue', isHero: false, dueDate: '2026-10-29' },
      { name: 'hero due in 5 days', isHero: true, dueDate: '2026-12-03' },
      { name: 'citizen 2 days overdue', isHero: false, dueDate: '2026-11-26' },
      { name: 'hero 10 days overdue', isHero: true, dueDate: '2026-11-18' },
      { name: 'citizen due today', isHero: false, dueDate: '2026-11-28' },
    ];
    expect(items.sort(compareUrgency).map((i) => i.name)).toEqual([
      'hero 10 days overdue',
      'hero due today',
      'hero due in 5 days',
      'citizen 30 days overdue',
      'citizen 2 days overdue',
      'citizen due today',
      'citizen due in 3 days',
    ]);
  });

  it.each<[UrgencyItem, UrgencyItem, number]>([
    [{ isHero: true, dueDate: '2026-12-30' }, { isHero: false, dueDate: '2026-01-01' }, -1],
    [{ isHero: false, dueDate: '2026-01-01' }, { isHero: true, dueDate: '2026-12-30' }, 1],
    [{ isHero: false, dueDate: '2026-11-01' }, { isHero: false, dueDate: '2026-11-02' }, -1],
    [{ isHero: true, dueDate: '2026-11-02' }, { isHero: true, dueDate: '2026-11-01' }, 1],
    [{ isHero: true, dueDate: '2026-11-02' }, { isHero: true, dueDate: '2026-11-02' }, 0],
  ])('%o vs %o → %i', (a, b, sign) => {
    expect(Math.sign(compareUrgency(a, b)) || 0).toBe(sign);
  });
});
