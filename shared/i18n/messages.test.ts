import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../sync/protocol';
import { MESSAGES, translateError } from './messages';

describe('messages', () => {
  it('has a zh-CN and an English sentence for every protocol error code', () => {
    for (const code of ERROR_CODES) {
      expect(translateError('zh', code)).not.toBe(MESSAGES.zh['error.unknown']);
      expect(translateError('en', code)).not.toBe(MESSAGES.en['error.unknown']);
    }
  });

  it('answers an unknown code with the generic message, never the raw code', () => {
    expect(translateError('zh', 'no_such_code')).toBe('发生未知错误');
  });

  it('has no empty or untranslated English strings', () => {
    for (const [key, text] of Object.entries(MESSAGES.en)) {
      expect(text.length, key).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
    }
  });
});
