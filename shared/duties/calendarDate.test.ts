import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, compareDates, daysBetween, daysInMonth, formatDate, isCalendarDate, isoWeekday,
  parseDate, todayInShanghai,
} from './calendarDate';

describe('parseDate / formatDate', () => {
  it.each([
    ['2026-02-17', { year: 2026, month: 2, day: 17 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['1930-12-31', { year: 1930, month: 12, day: 31 }],
  ])('%s round-trips', (text, parts) => {
    expect(parseDate(text)).toEqual(parts);
    expect(formatDate(parts)).toBe(text);
  });

  it.each(['2026-02-29', '2100-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-5', '', '2026-01-01T00:00'])(
    'rejects %j',
    (text) => {
      expect(isCalendarDate(text)).toBe(false);
      expect(() => parseDate(text)).toThrow(RangeError);
    },
  );

  it.each([[2024, 2, 29], [2026, 2, 28], [2000, 2, 29], [1900, 2, 28], [2026, 4, 30], [2026, 12, 31]])(
    'daysInMonth(%i, %i) = %i',
    (year, month, days) => expect(daysInMonth(year, month)).toBe(days),
  );
});

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-05', 7, '2026-01-12'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));
});

describe('addMonths clamps to the month end', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-10-15', 3, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));
});

describe('compareDates / daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0, 0],
    ['2026-01-01', '2026-01-08', 7, -1],
    ['2026-03-01', '2026-02-28', -1, 1],
    ['2024-02-28', '2024-03-01', 2, -1],
    ['2025-12-31', '2026-01-01', 1, -1],
  ])('from %s to %s is %i days', (from, to, days, order) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(Math.sign(compareDates(from, to)) || 0).toBe(order);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-02-17', 2], // Spring Festival 2026 is a Tuesday
    ['2026-10-01', 4],
    ['2026-11-29', 7],
    ['2026-11-30', 1],
    ['1970-01-01', 4],
    ['1949-10-01', 6],
  ])('%s is ISO weekday %i', (date, weekday) => expect(isoWeekday(date)).toBe(weekday));
});

describe('todayInShanghai', () => {
  it.each([
    ['2026-11-27T15:59:59Z', '2026-11-27'],
    ['2026-11-27T16:00:00Z', '2026-11-28'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
    ['2026-11-28T09:30:00+08:00', '2026-11-28'],
    ['2026-11-28T00:10:00+08:00', '2026-11-28'],
  ])('%s is %s in Shenzhen', (instant, date) => expect(todayInShanghai(new Date(instant))).toBe(date));
});
