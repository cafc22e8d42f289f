import { describe, expect, it } from 'vitest';
import { STATIONS } from '../../shared/stations/tree';
import { scopeChunks } from './scopeChunks';

const inRange = (code: string, [from, to]: [string, string]) => code >= from && code < to;

describe('scopeChunks', () => {
  it.each(['4403', '440304', '440304001', '440304001001'])('covers every code under %s exactly once, and nothing else', (prefix) => {
    const ranges = scopeChunks(prefix);
    expect(ranges.length).toBeGreaterThan(0);
    // Contiguous, in order, from the prefix to the end of its codes.
    expect(ranges[0]![0]).toBe(prefix);
    expect(ranges.at(-1)![1]).toBe(`${prefix}\uffff`);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
    for (const s of STATIONS) {
      const hits = ranges.filter((r) => inRange(s.code, r)).length;
      expect(hits).toBe(s.code.startsWith(prefix) ? 1 : 0);
    }
    // A code the tree does not know still falls in exactly one range.
    expect(ranges.filter((r) => inRange(`${prefix}999`, r))).toHaveLength(1);
  });

  it('splits a scope by community', () => {
    expect(scopeChunks('4403').length).toBeGreaterThan(500);
    expect(scopeChunks('440304').length).toBeGreaterThan(50);
    expect(scopeChunks('440304001001')).toEqual([['440304001001', '440304001001\uffff']]);
  });
});
