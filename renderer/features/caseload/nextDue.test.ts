import { describe, expect, it } from 'vitest';
import { orderByNextDue } from './nextDue';

describe('orderByNextDue', () => {
  it('puts the earliest due first, the same date and those with nothing pending last in the order given', () => {
    const nextDue = new Map([
      ['a', '2026-12-01'],
      ['b', '2026-11-20'],
      ['c', '2026-12-01'],
      ['d', '2026-11-25'],
    ]);
    expect(orderByNextDue(['f', 'c', 'b', 'e', 'a', 'd'], nextDue)).toEqual(['b', 'd', 'c', 'a', 'f', 'e']);
  });
});
