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
  if ((r.gender === 'male' || r.gender === 'female') && r.gender !== id.value.gender) issues.push({ path: 'gender', code: 'gender_id_mismatch' });
  return issues;
}
