import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../validation/idNumber';
import { epochDayOf } from '../calendar/shanghai';
import { IdNumberFactory } from './idNumbers';
import { Prng } from './prng';

describe('IdNumberFactory', () => {
  it('makes valid, unique numbers that encode region, birth date and gender', () => {
    const ids = new IdNumberFactory();
    const rng = new Prng(5);
    const seen = new Set<string>();
    const birth = epochDayOf('1944-02-29');
    // 800 people born the same day in the same district: the sequence space is 500 per gender.
    for (let i = 0; i < 800; i++) {
      const gender = i % 2 === 0 ? 'male' : 'female';
      const id = ids.make(rng, '440304', birth, gender);
      const parsed = parseIdNumber(id);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.regionCode).toBe('440304');
      expect(parsed.value.birthDate).toBe('1944-02-29');
      expect(parsed.value.gender).toBe(gender);
      seen.add(id);
    }
    expect(seen.size).toBe(800);
    expect(ids.size).toBe(800);
  });

  it('refuses a region that is not six digits (大鹏新区 must be mapped first)', () => {
    expect(() => new IdNumberFactory().make(new Prng(1), '4403DP', 0, 'male')).toThrow();
  });
});
