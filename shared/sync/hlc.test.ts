import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, isTooFarAhead, receiveHlc, tickHlc, type Hlc } from './hlc';

const zero = (node: string): Hlc => ({ millis: 0, counter: 0, node });

describe('hybrid logical clock', () => {
  it('encodes so that string order is time order', () => {
    const a = encodeHlc({ millis: 9_999, counter: 65535, node: 'b' });
    const b = encodeHlc({ millis: 10_000, counter: 0, node: 'a' });
    expect(compareHlc(a, b)).toBe(-1);
    expect(decodeHlc(a)).toEqual({ millis: 9_999, counter: 65535, node: 'b' });
  });

  it('orders equal time and counter by node id, deterministically', () => {
    const a = encodeHlc({ millis: 5, counter: 1, node: 'client-a' });
    const b = encodeHlc({ millis: 5, counter: 1, node: 'client-b' });
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
    expect(compareHlc(a, a)).toBe(0);
  });

  it('increases on every tick, even when the wall clock stands still or goes back', () => {
    let h = zero('n');
    const seen: string[] = [];
    for (const wall of [1000, 1000, 1000, 999, 500, 1001, 1001]) {
      h = tickHlc(h, wall);
      seen.push(encodeHlc(h));
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect(h.millis).toBe(1001);
  });

  it('rolls the counter over into the next millisecond', () => {
    expect(tickHlc({ millis: 7, counter: 0xffff, node: 'n' }, 7)).toEqual({ millis: 8, counter: 0, node: 'n' });
  });

  it('never runs behind a received timestamp', () => {
    const local = { millis: 1000, counter: 3, node: 'a' };
    const remote = { millis: 5000, counter: 7, node: 'b' };
    const merged = receiveHlc(local, remote, 2000);
    expect(merged).toEqual({ millis: 5000, counter: 8, node: 'a' });
    expect(compareHlc(encodeHlc(tickHlc(merged, 2000)), encodeHlc(remote))).toBe(1);
  });

  it.each([
    [{ millis: 10, counter: 2, node: 'a' }, { millis: 10, counter: 5, node: 'b' }, 10, { millis: 10, counter: 6 }],
    [{ millis: 10, counter: 2, node: 'a' }, { millis: 8, counter: 5, node: 'b' }, 9, { millis: 10, counter: 3 }],
    [{ millis: 10, counter: 2, node: 'a' }, { millis: 8, counter: 5, node: 'b' }, 20, { millis: 20, counter: 0 }],
  ])('receive(%o, %o, wall %i)', (local, remote, wall, expected) => {
    expect(receiveHlc(local, remote, wall)).toMatchObject(expected);
  });

  it('flags a timestamp too far ahead of the server clock', () => {
    const now = 1_700_000_000_000;
    const twoDays = encodeHlc({ millis: now + 2 * 86_400_000, counter: 0, node: 'x' });
    const oneSecond = encodeHlc({ millis: now + 1000, counter: 0, node: 'x' });
    expect(isTooFarAhead(twoDays, now)).toBe(true);
    expect(isTooFarAhead(oneSecond, now)).toBe(false);
    expect(isTooFarAhead('garbage', now)).toBe(true);
  });
});
