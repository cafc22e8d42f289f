import { describe, expect, it } from 'vitest';
import type { AidKind } from '../domain/enums';
import { newAidIssues } from './newAid';

describe('newAidIssues', () => {
  it.each<[AidKind, number | null, string[]]>([
    ['cash', 0, ['aid_amount_positive']], // ¥0.00 慰问金 is no hand-out
    ['cash', 1, []],
    ['cash', 50000, []],
    ['cash', null, []], // a missing amount is the schema's aid_amount_required
    ['goods', 0, []],
    ['service', null, []],
  ])('%s %s → %j', (kind, amountFen, codes) => {
    expect(newAidIssues({ kind, amountFen }).map((i) => i.code)).toEqual(codes);
  });
});
