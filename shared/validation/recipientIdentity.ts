import { parseIdNumber } from './idNumber';

/**
 * A recipient's birth date and gender against their ID number (GB 11643-1999): digits 7–14
 * are the birth date and digit 17 is odd for a man, even for a woman. A birth date (or an ID
 * number's) later than today is refused too. The form fills both from the ID number; these
 * catch a later edit, a ledger row or a push that disagrees with it.
 */
export type RecipientIdentityError = 'birth_date_future' | 'birth_date_id_mismatch' | 'gender_id_mismatch' | 'id_number_birth_date';

export interface RecipientIdentityIssue {
  path: 'idNumber' | 'birthDate' | 'gender';
  code: RecipientIdentityError;
}

export interface RecipientIdentity {
  idNumber: string;
  birthDate: string;
  gender: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `today` is `YYYY-MM-DD` in Asia/Shanghai. A malformed field is left to its own check. */
export function recipientIdentityIssues(r: RecipientIdentity, today: string): RecipientIdentityIssue[] {
  const issues: RecipientIdentityIssue[] = [];
  const birthDateWellFormed = DATE.test(r.birthDate);
  if (birthDateWellFormed && r.birthDate > today) issues.push({ path: 'birthDate', code: 'birth_date_future' });
  const id = parseIdNumber(r.idNumber);
  if (!id.ok) return issues;
  if (id.value.birthDate > today) issues.push({ path: 'idNumber', code: 'id_number_birth_date' });
  if (birthDateWellFormed && r.birthDate !== id.value.birthDate) issues.push({ path: 'birthDate', code: 'birth_date_id_mismatch' });
  if ((r.gender === 'male' || r.gender === 'female') && r.gender !== id.value.gender)
    issues.push({ path: 'gender', code: 'gender_id_mismatch' });
  return issues;
}

/**
 * Errors that follow only from a wrong ID number: the form fills birth date and gender from
 * it, so while the ID number itself is wrong, a blank birth date or gender says nothing new.
 * Keeps every other issue (a birth date typed in the future is still its own mistake).
 */
export function withoutIdFollowOnIssues<I extends { path: readonly (string | number)[] }>(
  issues: readonly I[],
  values: { birthDate?: string | null; gender?: string | null },
): I[] {
  if (!issues.some((i) => i.path[0] === 'idNumber')) return [...issues];
  const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';
  return issues.filter(
    (i) => !((i.path[0] === 'birthDate' && blank(values.birthDate)) || (i.path[0] === 'gender' && blank(values.gender))),
  );
}
