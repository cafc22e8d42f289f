import type { AidKind } from '../domain/enums';

export interface NewAidIssue {
  path: 'amountFen';
  code: 'aid_amount_positive';
}

/**
 * Rules for aid as it is recorded (a new entry, or a corrected amount), on top of the stored-row
 * schema: cash aid (慰问金) needs an amount above zero. Kept out of the schema the server checks
 * on every push, so that rows stored before this rule (a ¥0.00 entry) can still be voided and synced.
 */
export function newAidIssues(aid: { kind: AidKind; amountFen: number | null }): NewAidIssue[] {
  if (aid.kind === 'cash' && aid.amountFen !== null && aid.amountFen <= 0) return [{ path: 'amountFen', code: 'aid_amount_positive' }];
  return [];
}
