import { idNumberCheckChar } from '../validation/idNumber';
import { formatDay } from './calendar';
import type { Gender } from './names';
import type { Prng } from './prng';

/**
 * Fake resident ID numbers that pass GB 11643-1999: region, birth date, a sequence whose last
 * digit is odd for men, and the MOD 11-2 check character. Uniqueness is tracked as small
 * integers rather than strings, so 200,000 recipients cost a couple of megabytes at most.
 */
export class IdNumberFactory {
  private readonly used = new Set<number>();
  private readonly regions = new Map<string, number>();

  make(rng: Prng, region: string, birthDay: number, gender: Gender): string {
    if (!/^\d{6}$/.test(region)) throw new Error(`ID region must be 6 digits: ${region}`);
    let regionIndex = this.regions.get(region);
    if (regionIndex === undefined) {
      regionIndex = this.regions.size;
      this.regions.set(region, regionIndex);
    }
    // Day numbers of 1890–2100 fit in 0..80,000 after the shift; 1000 sequences per day.
    const base = (regionIndex * 80_000 + (birthDay + 30_000)) * 1000;
    for (let attempt = 0; attempt < 200; attempt++) {
      const seq = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const key = base + seq;
      if (this.used.has(key)) continue;
      this.used.add(key);
      const first17 = region + formatDay(birthDay).replace(/-/g, '') + String(seq).padStart(3, '0');
      return first17 + idNumberCheckChar(first17);
    }
    throw new Error(`no free ID sequence for ${region} ${formatDay(birthDay)}`);
  }

  get size(): number {
    return this.used.size;
  }
}
