import { daysInMonth } from '../calendar/shanghai';
import { type Result, err, ok } from '../result';

/**
 * Resident ID numbers (居民身份证号码), GB 11643-1999: 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character ('X' stands for 10).
 */
export type IdNumberError = 'id_number_length' | 'id_number_format' | 'id_number_region' | 'id_number_birth_date' | 'id_number_checksum';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (the first two digits of every division code). */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Trims and upper-cases: a lowercase 'x' typed by a person is the same check character. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * A real Gregorian date. Years below 100 stay refused as they always were (the Date.UTC check
 * this replaced read them as 19xx): no record or ID number holds one.
 */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || year < 100 || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

export interface IdNumberInfo {
  idNumber: string;
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  gender: 'male' | 'female';
}

/** Validates an ID number; `today` (YYYY-MM-DD) bounds the birth date. */
export function parseIdNumber(raw: string, today = '2999-12-31'): Result<IdNumberInfo, IdNumberError> {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return err('id_number_length');
  if (!/^\d{17}[\dX]$/.test(id)) return err('id_number_format');
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return err('id_number_region');
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (year < 1900 || !isRealDate(year, month, day) || birthDate > today) return err('id_number_birth_date');
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return err('id_number_checksum');
  return ok({
    idNumber: id,
    regionCode: id.slice(0, 6),
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  });
}

/** Lists show `440304********123X`: region kept, birth date and sequence hidden. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
