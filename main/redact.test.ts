import { describe, expect, it } from 'vitest';
import { describeForLog, redactText } from './redact';

describe('redactText', () => {
  it.each([
    ['18-digit ID number', 'lookup 440304199001011234 failed', 'lookup [ID-NUMBER] failed'],
    ['ID number ending in X', '身份证号44030419900101123X重复', '身份证号[ID-NUMBER]重复'],
    ['ID number ending in lower x', 'id=44030419900101123x', 'id=[ID-NUMBER]'],
    ['15-digit old ID number', 'old 440304900101123 card', 'old [ID-NUMBER] card'],
    ['mobile', '电话13812345678未接', '电话[PHONE]未接'],
    ['mobile with +86 and spaces', 'call +86 138 1234 5678 now', 'call [PHONE] now'],
    ['mobile with dashes', '138-1234-5678', '[PHONE]'],
    ['landline', '座机 0755-12345678', '座机 [PHONE]'],
    ['bearer token', 'authorization: Bearer abc.DEF-123_~+/=', 'authorization: Bearer [REDACTED]'],
    ['password in JSON', '{"username":"zhangmin","password":"s3cr\\"et"}', '{"username":"zhangmin","password":"[REDACTED]"}'],
    ['token in JSON', '{"token": "abc"}', '{"token": "[REDACTED]"}'],
    ['idNumber in JSON', '{"idNumber":"ABC"}', '{"idNumber":"[REDACTED]"}'],
    ['address in JSON', '{"address":"福田区园岭街道1号"}', '{"address":"[REDACTED]"}'],
    ['password in a query string', '/login?user=a&password=hunter2&x=1', '/login?user=a&password=[REDACTED]&x=1'],
    ['opaque token', 'token tok_Zq81LmN0pQ7rS2tU4vW6xY9zAbCdEfGh leaked', 'token [SECRET] leaked'],
  ])('%s', (_what, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['a UUID row id', 'row 3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b failed'],
    ['a station code', 'station 440304001001 synced'],
    ['a timestamp', 'at 1767225600000 and 2026-06-01T08:00:00.000Z'],
    ['a short count', 'pushed 500 of 12345 mutations'],
    ['a file path', 'ENOENT: /home/user/.config/youfu/logs/main.log'],
  ])('leaves %s alone', (_what, input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe('describeForLog', () => {
  it('masks sensitive keys at any depth, whatever the value looks like', () => {
    const out = describeForLog({ channel: 'sync:push', fields: { name: '王建国', phones: ['13812345678'], healthNotes: '高血压', stationCode: '440304001001' } });
    expect(out).not.toMatch(/王建国|13812345678|高血压/);
    expect(out).toContain('440304001001');
  });

  it('keeps an error readable but redacts what its message quotes', () => {
    const e = new Error('duplicate ID 440304199001011234', { cause: { password: 'pw' } });
    const out = describeForLog(e);
    expect(out).toContain('duplicate ID [ID-NUMBER]');
    expect(out).toContain('"stack"');
    expect(out).not.toContain('"pw"');
  });

  it('survives cycles and odd values', () => {
    const a: Record<string, unknown> = { n: 1n };
    a.self = a;
    expect(describeForLog(a)).toBe('{"n":"1","self":"[Circular]"}');
    expect(describeForLog(undefined)).toBe('');
  });
});
