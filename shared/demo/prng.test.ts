import { describe, expect, it } from 'vitest';
import { Prng, WeightedTable, mix32 } from './prng';

describe('Prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const c = new Prng(8);
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('gives independent streams per index', () => {
    expect(Prng.forStream(7, 1).nextUint32()).not.toBe(Prng.forStream(7, 2).nextUint32());
    expect(mix32(7, 1)).not.toBe(mix32(7, 2));
  });

  it('keeps int() within both bounds and reaches them', () => {
    const rng = new Prng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws v4-shaped uuids', () => {
    const rng = new Prng(2);
    for (let i = 0; i < 200; i++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('follows the weights of weighted() and WeightedTable', () => {
    const rng = new Prng(3);
    const table = new WeightedTable(['a', 'b'], [1, 3]);
    let a = 0;
    let b = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        rng.weighted([
          ['a', 1],
          ['b', 3],
        ] as const) === 'a'
      )
        a++;
      if (table.draw(rng) === 'b') b++;
    }
    expect(a / 10_000).toBeGreaterThan(0.22);
    expect(a / 10_000).toBeLessThan(0.28);
    expect(b / 10_000).toBeGreaterThan(0.72);
    expect(b / 10_000).toBeLessThan(0.78);
  });
});
