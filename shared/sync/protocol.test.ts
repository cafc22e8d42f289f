import { describe, expect, it } from 'vitest';
import { MESSAGES, translateError } from '../i18n/messages';
import { loginRequestSchema, mutationSchema, pushRequestSchema, REJECT_REASONS } from './protocol';

describe('sync protocol v1', () => {
  it('every reason a push can reject a mutation for reads as a sentence in zh-CN and English', () => {
    for (const reason of REJECT_REASONS) {
      expect(translateError('zh', reason), reason).not.toBe(MESSAGES.zh['error.unknown']);
      expect(translateError('en', reason), reason).not.toBe(MESSAGES.en['error.unknown']);
    }
  });

  const mutation = {
    id: '0b8e4a1e-5f43-4d0e-9d5a-3f4c2b1a0e9d',
    seq: 1,
    table: 'visits',
    rowId: 'r1',
    op: 'upsert',
    fields: {},
    baseRev: 0,
    hlc: '0001764312345678-0000-client-1',
  };

  it.each([
    ['a NUL in rowId', { ...mutation, rowId: 'r\u0000' }],
    ['a lone surrogate in the HLC', { ...mutation, hlc: '0001764312345678-0000-client-\ud800' }],
    ['a control character in rowId', { ...mutation, rowId: 'r\u0007' }],
  ])('refuses %s in a mutation', (_what, m) => {
    expect(mutationSchema.safeParse(m).success).toBe(false);
  });

  it('refuses NUL or a lone surrogate in clientId, username and deviceId', () => {
    expect(pushRequestSchema.safeParse({ protocolVersion: 1, schemaVersion: 1, clientId: 'client-\u0000-1', mutations: [] }).success).toBe(
      false,
    );
    expect(loginRequestSchema.safeParse({ username: 'demo\u0000', password: 'x', deviceId: 'device-12345' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ username: 'demo', password: 'x', deviceId: 'device-\udc00-12' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ username: 'demo', password: 'x', deviceId: 'device-12345' }).success).toBe(true);
  });
});
