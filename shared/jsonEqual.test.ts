import { describe, expect, it } from 'vitest';
import { jsonEqual } from './jsonEqual';

describe('jsonEqual', () => {
  it.each([
    ['same primitives', 1, 1, true],
    ['different primitives', 1, 2, false],
    ['a number and its text', 1, '1', false],
    ['null and an empty object', null, {}, false],
    ['null and undefined', null, undefined, false],
    ['key order ignored', { a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    ['a key set to undefined equals a missing key', { a: 1 }, { a: 1, b: undefined }, true],
    ['the same, nested', { p: [{ x: 1, y: undefined }] }, { p: [{ x: 1 }] }, true],
    ['a key set to null is not missing', { a: 1 }, { a: 1, b: null }, false],
    ['array order counts', [1, 2], [2, 1], false],
    ['array length counts', [1], [1, 1], false],
    ['an empty array is not an empty object', { a: [] }, { a: {} }, false],
    ['a differing nested value', { a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }, false],
    ['equal byte arrays', new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]), true],
    ['differing byte arrays', new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]), false],
  ])('%s', (_name, a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
    expect(jsonEqual(b, a)).toBe(equal);
  });

  it('agrees with a JSON round trip on rows as they travel', () => {
    const row = { id: 'r1', phones: ['13800138000'], address: undefined, categories: [{ code: 'key_recipient', note: undefined }] };
    expect(jsonEqual(row, JSON.parse(JSON.stringify(row)))).toBe(true);
  });
});
