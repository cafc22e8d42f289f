import { type Result, err, ok } from '../result';

export type PhoneError = 'phone_format';

const MOBILE = /^1[3-9]\d{9}$/;
const SHENZHEN_LANDLINE = /^0755-\d{8}$/;

/**
 * Accepts a mainland mobile (1[3-9] + 9 digits) or a Shenzhen landline (0755- + 8 digits).
 * Spaces are dropped, and a landline typed without its dash (075512345678) gets one.
 */
export function parsePhone(raw: string): Result<string, PhoneError> {
  const compact = raw.replace(/\s+/g, '');
  if (MOBILE.test(compact) || SHENZHEN_LANDLINE.test(compact)) return ok(compact);
  if (/^0755\d{8}$/.test(compact)) return ok(`0755-${compact.slice(4)}`);
  return err('phone_format');
}

/** Lists show `138****5678` and `0755-****5678`. */
export function maskPhone(phone: string): string {
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (SHENZHEN_LANDLINE.test(phone)) return `0755-****${phone.slice(-4)}`;
  return phone.length <= 4 ? phone : `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
}
