import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatFen, parseYuanToFen } from './money';

describe('parseYuanToFen', () => {
  it.each([
    ['200', 20000],
    ['0.01', 1],
    ['0.1', 10],
    ['1,234.5', 123450],
    ['¥ 500.00', 50000],
    ['￥88', 8800],
    ['19.99', 1999],
    ['  3.', 300],
  ])('parses %s as %i fen', (input, fen) => {
    expect(parseYuanToFen(input)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['-5', 'money_negative'],
    ['-0.01', 'money_negative'],
    ['1.234', 'money_format'],
    ['abc', 'money_format'],
    ['', 'money_format'],
    ['1e3', 'money_format'],
    ['99999999999', 'money_too_large'],
  ])('rejects %s with %s', (input, error) => {
    expect(parseYuanToFen(input)).toEqual({ ok: false, error });
  });
});

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [123400, '¥1,234.00'],
    [100000000, '¥1,000,000.00'],
    [-2550, '-¥25.50'],
  ])('formats %i as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('round-trips through the form field format', () => {
    expect(parseYuanToFen(fenToYuanString(123456))).toEqual({ ok: true, value: 123456 });
  });
});
