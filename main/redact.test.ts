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

  // Issue 13: each of these reached the log in clear before.
  it.each([
    ['landline without separators', '座机075583451234未接', '座机[PHONE]未接'],
    ['Beijing landline without separators', 'tel 01062345678', 'tel [PHONE]'],
    ['landline with the area code in brackets', '(0755) 8345 1234', '[PHONE]'],
    ['ID number spaced in fours', '身份证 4403 0419 9001 0112 34 重复', '身份证 [ID-NUMBER] 重复'],
    ['ID number spaced 6-8-4', 'id 440304 19900101 123X', 'id [ID-NUMBER]'],
    ['ID number with dashes', '440304-19900101-1234', '[ID-NUMBER]'],
    ['description in JSON', '{"description":"家中漏水，老人行动不便"}', '{"description":"[REDACTED]"}'],
    ['resolution in JSON', '{"resolution":"已联系街道维修"}', '{"resolution":"[REDACTED]"}'],
    ['voidReason in JSON', '{"voidReason":"重复发放给张三"}', '{"voidReason":"[REDACTED]"}'],
    ['comment in JSON', '{"comment":"本周走访不足"}', '{"comment":"[REDACTED]"}'],
    ['tags in JSON (an array)', '{"tags":["独居","低保"],"rev":3}', '{"tags":"[REDACTED]","rev":3}'],
    ["a recipient's name in JSON", '{"id":"r1","name":"王建国"}', '{"id":"r1","name":"[REDACTED]"}'],
    [
      'fallenName and birthDate in JSON',
      '{"fallenName":"李明","birthDate":"1950-03-01"}',
      '{"fallenName":"[REDACTED]","birthDate":"[REDACTED]"}',
    ],
    [
      'a quoted key inside a serialised error message',
      String.raw`{"message":"insert failed: {\"idNumber\":\"ABC\",\"notes\":\"说\\\"痛\\\"\"}"}`,
      String.raw`{"message":"insert failed: {\"idNumber\":\"[REDACTED]\",\"notes\":\"[REDACTED]\"}"}`,
    ],
    [
      'a quoted key inside an error message serialised twice',
      String.raw`\\\"comment\\\":\\\"差\\\"`,
      String.raw`\\\"comment\\\":\\\"[REDACTED]\\\"`,
    ],
    [
      'a key in util.inspect form',
      "{ id: 'r1', address: '园岭街道1号', tags: [ '独居' ] }",
      "{ id: 'r1', address: '[REDACTED]', tags: [REDACTED] }",
    ],
    ['snake_case keys', '{"void_reason":"错发","id_number":"X"}', '{"void_reason":"[REDACTED]","id_number":"[REDACTED]"}'],
    ['comment=… in a query string', '/signoffs?week=2026-06-01&comment=差', '/signoffs?week=2026-06-01&comment=[REDACTED]'],
  ])('%s', (_what, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['a UUID row id', 'row 3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b failed'],
    ['a station code', 'station 440304001001 synced'],
    ['a timestamp', 'at 1767225600000 and 2026-06-01T08:00:00.000Z'],
    ['a short count', 'pushed 500 of 12345 mutations'],
    ['a file path', 'ENOENT: /home/user/.config/youfu/logs/main.log'],
    ["an error's name", '{"name":"ConstraintError","message":"Key already exists"}'],
    ['two dates and a count', 'week 2026-06-01 2026-06-07 12 stations'],
    ['a UUID whose last group is digits', 'row 3f2b8c1e-9a4d-4e6f-8b7a-012345678901 failed'],
    ['a decimal', 'ratio 0.07558345123'],
  ])('leaves %s alone', (_what, input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe('describeForLog', () => {
  it('masks sensitive keys at any depth, whatever the value looks like', () => {
    const out = describeForLog({
      channel: 'sync:push',
      fields: { name: '王建国', phones: ['13812345678'], healthNotes: '高血压', stationCode: '440304001001' },
    });
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

  it.each([
    ['description', { description: '屋顶漏水' }, '屋顶漏水'],
    ['resolution', { resolution: '已修好' }, '已修好'],
    ['tags', { tags: ['独居老人'] }, '独居老人'],
    ['voidReason', { voidReason: '错发' }, '错发'],
    ['void_reason', { void_reason: '错发' }, '错发'],
    ['comment', { comment: '本周走访不足' }, '本周走访不足'],
  ])('masks %s in structured details', (_key, detail, secret) => {
    expect(describeForLog({ row: detail })).not.toContain(secret);
  });

  it('masks a row quoted in an error message once the error is serialised', () => {
    const e = new Error(`push rejected: ${JSON.stringify({ id: 'v1', notes: '血压高', comment: '家属不满' })}`);
    const out = describeForLog({ error: e, channel: 'sync:push' });
    expect(out).not.toMatch(/血压高|家属不满/);
    expect(out).toContain('v1');
    expect(out).toContain('"name":"Error"');
  });

  it('survives cycles and odd values', () => {
    const a: Record<string, unknown> = { n: 1n };
    a.self = a;
    expect(describeForLog(a)).toBe('{"n":"1","self":"[Circular]"}');
    expect(describeForLog(undefined)).toBe('');
  });
});
