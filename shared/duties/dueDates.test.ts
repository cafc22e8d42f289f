import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../domain/schemas';
import { addDays, addMonths, compareDates } from '../calendar/shanghai';
import { firstDueDate, nextDueAfterCompletion, nextDueDate } from './dueDates';
import type { ScheduledRecipient } from './dueDates';

const plan = (recurrence: Recurrence, anchorDate: string) => ({ recurrence, anchorDate });
const solar = (birthDate: string): ScheduledRecipient => ({ birthDate, lunarBirthday: false });
const lunar = (birthDate: string): ScheduledRecipient => ({ birthDate, lunarBirthday: true });
const someone = solar('1950-06-15');

/** Follows a schedule from the day before the anchor, the way occurrences chain one after another. */
function schedule(recurrence: Recurrence, anchorDate: string, count: number, recipient = someone): (string | null)[] {
  const dates: (string | null)[] = [];
  let after = '2000-01-01';
  for (let i = 0; i < count; i++) {
    const next = nextDueDate(plan(recurrence, anchorDate), recipient, after);
    dates.push(next);
    if (next === null) break;
    after = next;
  }
  return dates;
}

describe('periodic schedules repeat from the anchor without drifting', () => {
  it.each<[string, Recurrence, string, string[]]>([
    ['weekly', { type: 'weekly' }, '2026-12-24', ['2026-12-24', '2026-12-31', '2027-01-07', '2027-01-14']],
    [
      'monthly from the 31st',
      { type: 'monthly' },
      '2026-01-31',
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'],
    ],
    ['monthly from the 31st, leap year', { type: 'monthly' }, '2028-01-31', ['2028-01-31', '2028-02-29', '2028-03-31']],
    ['monthly from the 30th', { type: 'monthly' }, '2026-01-30', ['2026-01-30', '2026-02-28', '2026-03-30']],
    ['monthly from the 15th', { type: 'monthly' }, '2026-10-15', ['2026-10-15', '2026-11-15', '2026-12-15', '2027-01-15']],
    ['quarterly from 11-30', { type: 'quarterly' }, '2026-11-30', ['2026-11-30', '2027-02-28', '2027-05-30', '2027-08-30', '2027-11-30']],
    ['quarterly from 08-31', { type: 'quarterly' }, '2026-08-31', ['2026-08-31', '2026-11-30', '2027-02-28', '2027-05-31']],
    [
      'half-yearly from 08-31',
      { type: 'half_yearly' },
      '2026-08-31',
      ['2026-08-31', '2027-02-28', '2027-08-31', '2028-02-29', '2028-08-31'],
    ],
    ['half-yearly from 03-31', { type: 'half_yearly' }, '2026-03-31', ['2026-03-31', '2026-09-30', '2027-03-31']],
  ])('%s', (_name, recurrence, anchor, expected) => {
    expect(schedule(recurrence, anchor, expected.length)).toEqual(expected);
  });

  it.each<[Recurrence, string, string, string]>([
    // Jumping far ahead lands on the same dates as stepping one by one.
    [{ type: 'weekly' }, '2026-01-05', '2026-11-28', '2026-11-30'],
    [{ type: 'weekly' }, '2026-01-05', '2026-11-30', '2026-12-07'],
    [{ type: 'monthly' }, '2026-01-31', '2027-02-27', '2027-02-28'],
    [{ type: 'monthly' }, '2026-01-31', '2027-02-28', '2027-03-31'],
    [{ type: 'quarterly' }, '2026-01-31', '2030-04-29', '2030-04-30'],
    [{ type: 'half_yearly' }, '2026-02-28', '2026-08-27', '2026-08-28'],
  ])('%o anchored %s: next after %s is %s', (recurrence, anchor, after, expected) => {
    expect(nextDueDate(plan(recurrence, anchor), someone, after)).toBe(expected);
  });
});

describe('periodic next dates agree with listing the schedule from the anchor', () => {
  // Brute force: list anchor + k periods and take the first after `after`.
  const listed = (anchor: string, period: (k: number) => string, after: string) => {
    for (let k = 0; ; k++) {
      const date = period(k);
      if (compareDates(date, after) > 0) return date;
    }
  };
  const anchors = ['2026-01-31', '2026-01-29', '2026-02-28', '2026-03-30', '2026-08-31', '2026-12-31', '2027-02-15'];
  const cases: [Recurrence, (anchor: string) => (k: number) => string][] = [
    [{ type: 'weekly' }, (a) => (k) => addDays(a, 7 * k)],
    [{ type: 'monthly' }, (a) => (k) => addMonths(a, k)],
    [{ type: 'quarterly' }, (a) => (k) => addMonths(a, 3 * k)],
    [{ type: 'half_yearly' }, (a) => (k) => addMonths(a, 6 * k)],
  ];
  it.each(cases)('%o', (recurrence, periods) => {
    for (const anchor of anchors) {
      for (let offset = -40; offset < 1200; offset += 3) {
        const after = addDays(anchor, offset);
        expect(nextDueDate(plan(recurrence, anchor), someone, after), `anchor ${anchor}, after ${after}`).toBe(
          listed(anchor, periods(anchor), after),
        );
      }
    }
  });
});

describe('yearly and once', () => {
  it.each<[Recurrence, string, string, string | null]>([
    [{ type: 'yearly', month: 3, day: 10 }, '2026-01-01', '2026-03-09', '2026-03-10'],
    [{ type: 'yearly', month: 3, day: 10 }, '2026-01-01', '2026-03-10', '2027-03-10'],
    [{ type: 'yearly', month: 2, day: 29 }, '2026-01-01', '2026-01-01', '2026-02-28'],
    [{ type: 'yearly', month: 2, day: 29 }, '2026-01-01', '2027-03-01', '2028-02-29'],
    [{ type: 'yearly', month: 4, day: 31 }, '2026-01-01', '2026-01-01', '2026-04-30'],
    // A yearly plan anchored after this year's date starts next year.
    [{ type: 'yearly', month: 3, day: 10 }, '2026-06-01', '2026-01-01', '2027-03-10'],
    [{ type: 'once', date: '2026-12-01' }, '2026-12-01', '2026-11-30', '2026-12-01'],
    [{ type: 'once', date: '2026-12-01' }, '2026-12-01', '2026-12-01', null],
    [{ type: 'once', date: '2026-12-01' }, '2026-12-01', '2027-01-01', null],
  ])('%o anchored %s: next after %s is %s', (recurrence, anchor, after, expected) => {
    expect(nextDueDate(plan(recurrence, anchor), someone, after)).toBe(expected);
  });
});

describe('festivals', () => {
  it.each<[Recurrence, string, string]>([
    [{ type: 'festival', festival: 'spring_festival' }, '2026-01-10', '2026-02-17'],
    [{ type: 'festival', festival: 'spring_festival' }, '2026-02-17', '2027-02-06'],
    [{ type: 'festival', festival: 'mid_autumn' }, '2026-09-24', '2026-09-25'],
    [{ type: 'festival', festival: 'qingming' }, '2026-04-04', '2026-04-05'],
    [{ type: 'festival', festival: 'army_day' }, '2026-08-01', '2027-08-01'],
    [{ type: 'festival', festival: 'martyrs_day' }, '2026-01-01', '2026-09-30'],
    [{ type: 'festival', festival: 'national_day' }, '2026-09-30', '2026-10-01'],
  ])('%o after %s is %s', (recurrence, after, expected) => {
    expect(nextDueDate(plan(recurrence, '2026-01-01'), someone, after)).toBe(expected);
  });
});

describe('birthdays', () => {
  const birthday: Recurrence = { type: 'birthday' };
  it.each<[string, ScheduledRecipient, string, string]>([
    ['solar', solar('1950-06-15'), '2026-01-01', '2026-06-15'],
    ['solar, birthday just passed', solar('1950-06-15'), '2026-06-15', '2027-06-15'],
    ['29 Feb in a common year → 28 Feb', solar('1948-02-29'), '2026-01-01', '2026-02-28'],
    ['29 Feb, after 28 Feb of a common year → next year', solar('1948-02-29'), '2026-02-28', '2027-02-28'],
    ['29 Feb in a leap year', solar('1948-02-29'), '2027-03-01', '2028-02-29'],
    ['29 Feb on 28 Feb of a leap year is still ahead', solar('1948-02-29'), '2028-02-28', '2028-02-29'],
    // 1949-10-01 was 农历八月初十: five days before Mid-Autumn (2026-09-25, 2027-09-15).
    ['lunar 8/10', lunar('1949-10-01'), '2026-01-01', '2026-09-20'],
    ['lunar 8/10, next year', lunar('1949-10-01'), '2026-09-20', '2027-09-10'],
    // 1950-04-16 was 农历二月三十; lunar 2026's second month has 29 days, 2027's has 30.
    ['lunar 2/30 in a 29-day month → 2/29', lunar('1950-04-16'), '2026-01-01', '2026-04-16'],
    ['lunar 2/30 in a 30-day month', lunar('1950-04-16'), '2026-04-16', '2027-04-06'],
    // 1949-09-07 was 农历闰七月十五: celebrated in the ordinary seventh month.
    ['born in a leap month', lunar('1949-09-07'), '2026-01-01', '2026-08-27'],
    // 1949-01-28 was 农历(1948)十二月三十: in 2026 that is 除夕 of lunar 2025, the day before Spring Festival.
    ['lunar 12/30 falls in the next solar year', lunar('1949-01-28'), '2026-01-01', '2026-02-16'],
    ['lunar 12/30, following year', lunar('1949-01-28'), '2026-02-16', '2027-02-05'],
  ])('%s', (_name, recipient, after, expected) => {
    expect(nextDueDate(plan(birthday, '2026-01-01'), recipient, after)).toBe(expected);
  });

  it('the same birth date gives different days for solar and lunar plans', () => {
    const d = plan(birthday, '2026-01-01');
    expect(nextDueDate(d, solar('1949-10-01'), '2026-01-01')).toBe('2026-10-01');
    expect(nextDueDate(d, lunar('1949-10-01'), '2026-01-01')).toBe('2026-09-20');
  });
});

describe('never before the anchor', () => {
  it.each<[Recurrence, string, string, string]>([
    [{ type: 'monthly' }, '2026-11-28', '2026-01-01', '2026-11-28'],
    [{ type: 'weekly' }, '2026-11-28', '2026-11-27', '2026-11-28'],
    // The anchor itself is not a festival: the first festival after it.
    [{ type: 'festival', festival: 'spring_festival' }, '2026-03-01', '2026-01-01', '2027-02-06'],
    [{ type: 'birthday' }, '2026-07-01', '2026-01-01', '2027-06-15'],
  ])('%o anchored %s, after %s → %s', (recurrence, anchor, after, expected) => {
    expect(nextDueDate(plan(recurrence, anchor), someone, after)).toBe(expected);
  });
});

describe('firstDueDate', () => {
  it.each<[Recurrence, string, string, string | null]>([
    [{ type: 'monthly' }, '2026-11-28', '2026-11-28', '2026-11-28'],
    [{ type: 'monthly' }, '2026-01-31', '2026-04-10', '2026-04-30'],
    [{ type: 'weekly' }, '2026-11-02', '2026-11-28', '2026-11-30'],
    [{ type: 'weekly' }, '2026-11-02', '2026-11-30', '2026-11-30'],
    [{ type: 'monthly' }, '2026-12-05', '2026-11-28', '2026-12-05'],
    [{ type: 'festival', festival: 'national_day' }, '2026-11-28', '2026-11-28', '2027-10-01'],
    [{ type: 'festival', festival: 'qingming' }, '2026-04-05', '2026-04-05', '2026-04-05'],
    [{ type: 'once', date: '2026-11-28' }, '2026-11-28', '2026-11-28', '2026-11-28'],
    [{ type: 'once', date: '2026-11-20' }, '2026-11-20', '2026-11-28', null],
  ])('%o anchored %s, today %s → %s', (recurrence, anchor, today, expected) => {
    expect(firstDueDate(plan(recurrence, anchor), someone, today)).toBe(expected);
  });
});

describe('nextDueAfterCompletion', () => {
  it.each<[string, Recurrence, string, string, string, string | null]>([
    ['monthly, on time', { type: 'monthly' }, '2026-01-15', '2026-10-15', '2026-10-15', '2026-11-15'],
    ['monthly, late: skips the month already passed', { type: 'monthly' }, '2026-01-15', '2026-10-15', '2026-11-28', '2026-12-15'],
    ['monthly, late but before the next date', { type: 'monthly' }, '2026-01-15', '2026-10-15', '2026-11-10', '2026-11-15'],
    ['monthly, early: the same due date is not owed again', { type: 'monthly' }, '2026-01-15', '2026-10-15', '2026-10-10', '2026-11-15'],
    ['monthly from the 31st, late', { type: 'monthly' }, '2026-01-31', '2026-01-31', '2026-03-05', '2026-03-31'],
    ['weekly, three days late', { type: 'weekly' }, '2026-11-02', '2026-11-16', '2026-11-19', '2026-11-23'],
    ['weekly, done on the next due date', { type: 'weekly' }, '2026-11-02', '2026-11-16', '2026-11-23', '2026-11-30'],
    ['quarterly, early', { type: 'quarterly' }, '2026-11-30', '2027-02-28', '2027-02-01', '2027-05-30'],
    ['festival, late', { type: 'festival', festival: 'spring_festival' }, '2026-01-01', '2026-02-17', '2026-02-20', '2027-02-06'],
    ['once, done', { type: 'once', date: '2026-12-01' }, '2026-12-01', '2026-12-01', '2026-12-03', null],
  ])('%s', (_name, recurrence, anchor, due, done, expected) => {
    expect(nextDueAfterCompletion(plan(recurrence, anchor), someone, due, done)).toBe(expected);
  });
});
