import { describe, expect, it } from 'vitest';
import { DATE_FORMAT, DATE_TIME_FORMAT, fromPickerValue, toPickerValue } from './pickerValue';

describe('date picker values stay the strings the forms and schemas use', () => {
  it.each([
    ['2026-11-30', DATE_FORMAT],
    ['1929-01-01', DATE_FORMAT],
    ['2028-02-29', DATE_FORMAT],
    ['2026-11-28 09:30', DATE_TIME_FORMAT],
    ['2026-11-28 23:59', DATE_TIME_FORMAT],
    ['2026-11-28 00:00', DATE_TIME_FORMAT],
  ] as const)('%s comes back unchanged', (text, format) => {
    expect(fromPickerValue(toPickerValue(text, format), format)).toBe(text);
  });

  it.each([
    ['', DATE_FORMAT],
    ['2026-02-30', DATE_FORMAT],
    ['2027-02-29', DATE_FORMAT],
    ['11/30/2026', DATE_FORMAT],
    ['2026-11-30 09:30', DATE_FORMAT],
    ['2026-11-28 24:00', DATE_TIME_FORMAT],
    ['2026-11-28', DATE_TIME_FORMAT],
  ] as const)('%j is no date for the picker', (text, format) => {
    expect(toPickerValue(text, format)).toBeNull();
  });

  it('a cleared picker is an empty string, not null', () => {
    expect(fromPickerValue(null, DATE_FORMAT)).toBe('');
  });
});
