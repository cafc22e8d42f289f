import { describe, expect, it } from 'vitest';
import { recipientSchema } from '../domain/schemas';
import { todayInShanghai } from '../calendar/shanghai';
import { translateError } from '../i18n/messages';
import { idNumberCheckChar } from './idNumber';
import { recipientIdentityIssues, withoutIdFollowOnIssues } from './recipientIdentity';

const withCheck = (first17: string): string => first17 + idNumberCheckChar(first17);
/** Born 1950-03-07; sequence 451 (odd: a man) or 452 (even: a woman). */
const MAN = withCheck('44030419500307451');
const WOMAN = withCheck('44030419500307452');
const TODAY = '2026-11-28';

describe('recipientIdentityIssues (GB 11643: digits 7–14 the birth date, 17 odd for a man)', () => {
  it.each([
    { name: "a man whose birth date is the ID number's", idNumber: MAN, birthDate: '1950-03-07', gender: 'male' },
    { name: "a woman whose birth date is the ID number's", idNumber: WOMAN, birthDate: '1950-03-07', gender: 'female' },
    {
      name: "the standard's own example (check character X, a woman)",
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    },
    { name: 'a lowercase x', idNumber: '11010519491231002x', birthDate: '1949-12-31', gender: 'female' },
    { name: 'someone born today', idNumber: withCheck('44030420261128001'), birthDate: TODAY, gender: 'male' },
  ])('accepts $name', (r) => {
    expect(recipientIdentityIssues(r, TODAY)).toEqual([]);
  });

  it.each([
    {
      name: 'a birth date one day off',
      r: { idNumber: MAN, birthDate: '1950-03-08', gender: 'male' },
      issues: [{ path: 'birthDate', code: 'birth_date_id_mismatch' }],
    },
    {
      name: 'month and day swapped',
      r: { idNumber: MAN, birthDate: '1950-07-03', gender: 'male' },
      issues: [{ path: 'birthDate', code: 'birth_date_id_mismatch' }],
    },
    {
      name: "a man's ID number for a woman",
      r: { idNumber: MAN, birthDate: '1950-03-07', gender: 'female' },
      issues: [{ path: 'gender', code: 'gender_id_mismatch' }],
    },
    {
      name: "a woman's ID number for a man",
      r: { idNumber: WOMAN, birthDate: '1950-03-07', gender: 'male' },
      issues: [{ path: 'gender', code: 'gender_id_mismatch' }],
    },
    {
      name: 'both wrong',
      r: { idNumber: WOMAN, birthDate: '1951-03-07', gender: 'male' },
      issues: [
        { path: 'birthDate', code: 'birth_date_id_mismatch' },
        { path: 'gender', code: 'gender_id_mismatch' },
      ],
    },
    {
      name: 'a birth date tomorrow, as the ID number says',
      r: { idNumber: withCheck('44030420261129001'), birthDate: '2026-11-29', gender: 'male' },
      issues: [
        { path: 'birthDate', code: 'birth_date_future' },
        { path: 'idNumber', code: 'id_number_birth_date' },
      ],
    },
    {
      name: 'a birth date in the future with a valid past ID number',
      r: { idNumber: MAN, birthDate: '2030-01-01', gender: 'male' },
      issues: [
        { path: 'birthDate', code: 'birth_date_future' },
        { path: 'birthDate', code: 'birth_date_id_mismatch' },
      ],
    },
  ])('refuses $name', ({ r, issues }) => {
    expect(recipientIdentityIssues(r, TODAY)).toEqual(issues);
  });

  it.each([
    {
      name: 'an invalid ID number (its own check reports it)',
      r: { idNumber: '440304195003074513', birthDate: '1960-01-01', gender: 'female' },
    },
    { name: 'a malformed birth date (its own check reports it)', r: { idNumber: MAN, birthDate: '', gender: 'male' } },
    { name: 'an unknown gender (the enum reports it)', r: { idNumber: MAN, birthDate: '1950-03-07', gender: 'unknown' } },
  ])('adds nothing for $name', ({ r }) => {
    expect(recipientIdentityIssues(r, TODAY)).toEqual([]);
  });
});

describe('recipientSchema', () => {
  const row = (over: Record<string, unknown>) => ({
    id: 'a0000000-0000-4000-8000-000000000001',
    name: '张建国',
    gender: 'male',
    idNumber: MAN,
    birthDate: '1950-03-07',
    lunarBirthday: false,
    phones: [],
    address: '福田区园岭街道',
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
    rev: 0,
    updatedAt: '2026-11-28T09:30:00+08:00',
    ...over,
  });
  const issuesOf = (over: Record<string, unknown>) => {
    const parsed = recipientSchema.safeParse(row(over));
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, code: i.message }));
  };

  it("accepts a recipient whose birth date and gender are the ID number's", () => {
    expect(issuesOf({})).toEqual([]);
  });

  it.each([
    { field: 'birthDate', over: { birthDate: '1950-03-17' }, code: 'birth_date_id_mismatch' },
    { field: 'gender', over: { gender: 'female' }, code: 'gender_id_mismatch' },
  ])('puts a $code on $field', ({ field, over, code }) => {
    expect(issuesOf(over)).toEqual([{ path: [field], code }]);
  });

  it('refuses a birth date after today in Shenzhen', () => {
    const shanghaiNoon = new Date(Date.parse(`${todayInShanghai(new Date())}T12:00:00+08:00`) + 86_400_000);
    const tomorrow = todayInShanghai(shanghaiNoon);
    const id = withCheck(`440304${tomorrow.replace(/-/g, '')}001`);
    expect(issuesOf({ idNumber: id, birthDate: tomorrow })).toEqual([
      { path: ['birthDate'], code: 'birth_date_future' },
      { path: ['idNumber'], code: 'id_number_birth_date' },
    ]);
  });

  it.each(['birth_date_future', 'birth_date_id_mismatch', 'gender_id_mismatch'])('%s reads as a sentence in zh-CN and English', (code) => {
    expect(translateError('zh', code)).toMatch(/[\u4e00-\u9fff]/);
    expect(translateError('en', code)).not.toBe(translateError('en', 'no_such_code'));
  });
});

describe('withoutIdFollowOnIssues', () => {
  const idIssue = { path: ['idNumber'], code: 'id_number_checksum' };
  const blankDate = { path: ['birthDate'], code: 'date_invalid' };
  const blankGender = { path: ['gender'], code: 'gender_required' };
  it('a wrong ID number alone is reported, not the blank birth date and gender it would fill', () => {
    expect(withoutIdFollowOnIssues([idIssue, blankDate, blankGender], { birthDate: '', gender: null })).toEqual([idIssue]);
  });
  it('keeps what the person typed themselves, and everything when the ID number is right', () => {
    const future = { path: ['birthDate'], code: 'birth_date_future' };
    expect(withoutIdFollowOnIssues([idIssue, future], { birthDate: '2030-01-01', gender: 'male' })).toEqual([idIssue, future]);
    expect(withoutIdFollowOnIssues([blankDate, blankGender], { birthDate: '', gender: null })).toEqual([blankDate, blankGender]);
  });
});
