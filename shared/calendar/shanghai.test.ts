import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  SHANGHAI_OFFSET_MS,
  SHANGHAI_TIME_ZONE,
  addDays,
  addMonths,
  addMonthsToEpochDay,
  ageOnEpochDay,
  clampedDate,
  compareDates,
  dateOfEpochDay,
  daysBetween,
  daysInMonth,
  epochDayFromYmd,
  epochDayOf,
  formatDate,
  fromWallClockMs,
  isCalendarDate,
  isLeapYear,
  isoWeekday,
  isoWeekdayOfEpochDay,
  laterDate,
  mondayOf,
  parseDate,
  shanghaiDate,
  shanghaiDateTimeText,
  shanghaiInstant,
  toShanghaiIso,
  toShanghaiIsoSeconds,
  toWallClockMs,
  todayInShanghai,
  ymdOfEpochDay,
} from './shanghai';

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

  it.each([
    [2024, 2, 29],
    [2026, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, days) => expect(daysInMonth(year, month)).toBe(days));
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

describe('leap years and month ends', () => {
  it.each([
    [2024, true],
    [2026, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
    [1944, true],
  ])('%i is a leap year: %s', (year, leap) => expect(isLeapYear(year)).toBe(leap));

  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2026, 3, 31],
    [2026, 4, 30],
    [2026, 5, 31],
    [2026, 6, 30],
    [2026, 7, 31],
    [2026, 8, 31],
    [2026, 9, 30],
    [2026, 10, 31],
    [2026, 11, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => expect(daysInMonth(year, month)).toBe(days));

  it.each([
    [2026, 2, 31, '2026-02-28'],
    [2024, 2, 30, '2024-02-29'],
    [2026, 4, 31, '2026-04-30'],
    [2026, 12, 31, '2026-12-31'],
  ])('clampedDate(%i, %i, %i) = %s', (y, m, d, expected) => expect(clampedDate(y, m, d)).toBe(expected));

  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2027-01-31', -1, '2026-12-31'],
    ['2026-05-31', -3, '2026-02-28'],
  ])('%s + %i months = %s (strings and day numbers agree)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
    expect(dateOfEpochDay(addMonthsToEpochDay(epochDayOf(date), months))).toBe(expected);
  });

  it.each([
    ['2024-02-28', 2, '2024-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-31', 1, '2026-02-01'],
  ])('%s + %i days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it('laterDate picks the later of two dates', () => {
    expect(laterDate('2026-12-31', '2027-01-01')).toBe('2027-01-01');
    expect(laterDate('2027-01-01', '2026-12-31')).toBe('2027-01-01');
  });
});

describe('day numbers', () => {
  it('agree with the UTC calendar of the JS Date over two centuries', () => {
    for (let d = epochDayFromYmd(1900, 1, 1); d < epochDayFromYmd(2101, 1, 1); d += 97) {
      const iso = new Date(d * DAY_MS).toISOString().slice(0, 10);
      expect(dateOfEpochDay(d)).toBe(iso);
      expect(epochDayOf(iso)).toBe(d);
      expect(isoWeekdayOfEpochDay(d)).toBe(((new Date(d * DAY_MS).getUTCDay() + 6) % 7) + 1);
    }
  });

  it('count from 1970-01-01 and keep years below 100 (where Date.UTC would jump to 19xx)', () => {
    expect(epochDayFromYmd(1970, 1, 1)).toBe(0);
    expect(ymdOfEpochDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(dateOfEpochDay(epochDayOf('0045-03-01'))).toBe('0045-03-01');
  });

  it('ageOnEpochDay counts whole years, a 29 February birthday included', () => {
    expect(ageOnEpochDay(epochDayOf('1944-02-29'), epochDayOf('2026-02-28'))).toBe(81);
    expect(ageOnEpochDay(epochDayOf('1944-02-29'), epochDayOf('2026-03-01'))).toBe(82);
    expect(ageOnEpochDay(epochDayOf('1946-12-31'), epochDayOf('2026-12-30'))).toBe(79);
  });
});

describe('week start (Monday)', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // Monday itself
    ['2026-12-06', '2026-11-30'], // Sunday
    ['2027-01-01', '2026-12-28'], // across a year end
    ['2026-03-01', '2026-02-23'], // across a month end
    ['2024-03-03', '2024-02-26'], // across a leap day
  ])('the week of %s starts on %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
    expect(isoWeekday(mondayOf(date))).toBe(1);
  });

  it('refuses a date that does not exist', () => expect(() => mondayOf('2026-02-30')).toThrow(RangeError));
});

describe('instants on the Shanghai wall clock', () => {
  it.each([
    // instant, Shanghai date, Shanghai ISO, wall clock text
    ['2026-11-27T15:59:59.999Z', '2026-11-27', '2026-11-27T23:59:59.999+08:00', '2026-11-27 23:59'],
    ['2026-11-27T16:00:00.000Z', '2026-11-28', '2026-11-28T00:00:00.000+08:00', '2026-11-28 00:00'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01', '2027-01-01T00:00:00.000+08:00', '2027-01-01 00:00'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29', '2024-02-29T00:00:00.000+08:00', '2024-02-29 00:00'],
    ['2026-02-28T16:00:00.000Z', '2026-03-01', '2026-03-01T00:00:00.000+08:00', '2026-03-01 00:00'],
    ['2026-11-28T09:30:00-05:00', '2026-11-28', '2026-11-28T22:30:00.000+08:00', '2026-11-28 22:30'],
    ['2026-11-28T09:30:00+09:00', '2026-11-28', '2026-11-28T08:30:00.000+08:00', '2026-11-28 08:30'],
    ['2026-11-28T00:10:00+08:00', '2026-11-28', '2026-11-28T00:10:00.000+08:00', '2026-11-28 00:10'],
  ])('%s is %s (%s, %s)', (instant, date, iso, text) => {
    const at = new Date(instant);
    expect(shanghaiDate(instant)).toBe(date);
    expect(todayInShanghai(at)).toBe(date);
    expect(toShanghaiIso(at)).toBe(iso);
    expect(toShanghaiIsoSeconds(at)).toBe(iso.replace(/\.\d{3}/, ''));
    expect(shanghaiDateTimeText(at)).toBe(text);
    expect(Date.parse(toShanghaiIso(at))).toBe(at.getTime());
  });

  it('agrees with Intl in Asia/Shanghai for every hour of a year', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: SHANGHAI_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 60_000) {
      const parts = Object.fromEntries(intl.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
      expect(shanghaiDateTimeText(new Date(ms))).toBe(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`);
    }
  });

  it('refuses text that is not an instant', () => expect(() => shanghaiDate('someday')).toThrow());

  it('wall-clock milliseconds are the instant shifted by eight hours, both ways', () => {
    const at = Date.parse('2026-11-27T16:00:00Z');
    expect(SHANGHAI_OFFSET_MS).toBe(8 * 3_600_000);
    expect(new Date(toWallClockMs(at)).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(fromWallClockMs(toWallClockMs(at))).toBe(at);
  });

  it('writes a Shanghai date and time as a stored instant', () => {
    expect(shanghaiInstant('2026-11-28', 9, 5)).toBe('2026-11-28T09:05:00+08:00');
    expect(shanghaiInstant('2026-12-31', 23, 59, 59)).toBe('2026-12-31T23:59:59+08:00');
    expect(Date.parse(shanghaiInstant('2027-01-01', 0, 0))).toBe(Date.parse('2026-12-31T16:00:00Z'));
  });
});
