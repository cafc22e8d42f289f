import { describe, expect, it } from 'vitest';
import { estimateRemaining } from './pullHandler';

describe('estimateRemaining (the remaining count of pages after the first)', () => {
  it('is the seqs left when every change of the page was in scope', () => {
    expect(estimateRemaining({ from: 100, to: 200, head: 450, pageRows: 100 })).toBe(250);
  });

  it('scales the seqs left by the share of changes in scope', () => {
    // A district holding a quarter of the city's changes: a quarter of what is left.
    expect(estimateRemaining({ from: 1000, to: 5000, head: 45_000, pageRows: 1000 })).toBe(10_000);
  });

  it('says at least one when there is more to come', () => {
    expect(estimateRemaining({ from: 0, to: 10_000, head: 10_001, pageRows: 1 })).toBe(1);
    expect(estimateRemaining({ from: 10, to: 10, head: 10, pageRows: 0 })).toBe(1);
  });
});
