import { describe, expect, it } from 'vitest';
import { type Result, err, ok } from './result';

describe('Result', () => {
  it('keeps the wire shape IPC and HTTP carry: { ok, value } or { ok, error }, nothing else', () => {
    expect(JSON.parse(JSON.stringify(ok({ id: 'r1' })))).toEqual({ ok: true, value: { id: 'r1' } });
    expect(JSON.parse(JSON.stringify(err({ code: 'locked', message: 'm' })))).toEqual({
      ok: false,
      error: { code: 'locked', message: 'm' },
    });
    expect(Object.keys(ok(null))).toEqual(['ok', 'value']);
    expect(Object.keys(err('x'))).toEqual(['ok', 'error']);
  });

  it('narrows on ok so a caller reads the value or the error code', () => {
    const parse = (s: string): Result<number, 'not_a_number'> => (Number.isFinite(Number(s)) ? ok(Number(s)) : err('not_a_number'));
    const read = (r: Result<number, 'not_a_number'>): string => (r.ok ? `value ${r.value}` : `error ${r.error}`);
    expect(read(parse('42'))).toBe('value 42');
    expect(read(parse('forty-two'))).toBe('error not_a_number');
  });
});
