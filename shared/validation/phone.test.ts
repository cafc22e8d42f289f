import { describe, expect, it } from 'vitest';
import { maskPhone, parsePhone } from './phone';

describe('parsePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['199 1234 5678', '19912345678'],
    ['0755-83201234', '0755-83201234'],
    ['075583201234', '0755-83201234'],
  ])('accepts %s as %s', (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12812345678', 'second digit 2'],
    ['1381234567', 'ten digits'],
    ['138123456789', 'twelve digits'],
    ['010-83201234', 'a Beijing landline'],
    ['0755-8320123', 'seven-digit landline'],
    ['phone', 'letters'],
    ['', 'empty'],
  ])('rejects %s (%s)', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, error: 'phone_format' });
  });

  it('masks the middle of mobiles and landlines', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0755-83201234')).toBe('0755-****1234');
  });
});
