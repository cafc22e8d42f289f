import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isRealDate, maskIdNumber, parseIdNumber } from './idNumber';

describe('parseIdNumber (GB 11643-1999)', () => {
  it.each([
    { name: "the standard's own example", input: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' },
    { name: 'lowercase x is the same check character', input: '11010519491231002x', birthDate: '1949-12-31', gender: 'female' },
    { name: 'a Futian resident, male', input: '440304195003074512', birthDate: '1950-03-07', gender: 'male' },
    { name: 'surrounding spaces are ignored', input: ' 440304195003074512 ', birthDate: '1950-03-07', gender: 'male' },
  ])('accepts $name', ({ input, birthDate, gender }) => {
    const r = parseIdNumber(input);
    expect(r).toMatchObject({ ok: true, value: { birthDate, gender } });
    if (r.ok) expect(r.value.idNumber).toBe(input.trim().toUpperCase());
  });

  it.each([
    { name: 'a wrong check digit', input: '110105194912310021', error: 'id_number_checksum' },
    { name: 'a wrong check digit in a Shenzhen number', input: '440304195003074513', error: 'id_number_checksum' },
    { name: 'an impossible date (31 February)', input: withCheck('44030419500231451'), error: 'id_number_birth_date' },
    { name: 'an impossible date (month 13)', input: withCheck('44030419501301451'), error: 'id_number_birth_date' },
    { name: '29 February of a common year', input: withCheck('44030419510229451'), error: 'id_number_birth_date' },
    { name: 'a birth date in the future', input: withCheck('44030420990101451'), error: 'id_number_birth_date' },
    { name: 'too short (17)', input: '11010519491231002', error: 'id_number_length' },
    { name: 'too long (19)', input: '11010519491231002X1', error: 'id_number_length' },
    { name: 'the old 15-digit format', input: '110105491231002', error: 'id_number_length' },
    { name: 'letters inside', input: '1101051949A231002X', error: 'id_number_format' },
    { name: 'X not in last place', input: '11010519491231X020', error: 'id_number_format' },
    { name: 'an unknown province', input: withCheck('99010519491231002'), error: 'id_number_region' },
  ])('rejects $name with $error', ({ input, error }) => {
    expect(parseIdNumber(input, '2026-11-28')).toEqual({ ok: false, error });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseIdNumber(withCheck('44030419520229451')).ok).toBe(true);
  });

  it('computes the check character with X for 10', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44030419500307451')).toBe('2');
  });
});

describe('maskIdNumber', () => {
  it('hides the birth date and sequence in lists', () => {
    expect(maskIdNumber('44030419500307123X')).toBe('440304********123X');
  });
});

function withCheck(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

describe('isRealDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2026, 2, 29, false],
    [2100, 2, 29, false],
    [2000, 2, 29, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 1, 0, false],
    [1945, 1, 1, true],
    [45, 1, 1, false],
    [2026, 1, 1.5, false],
  ])('%i-%i-%s is a real date: %s', (y, m, d, real) => expect(isRealDate(y, m, d)).toBe(real));
});
