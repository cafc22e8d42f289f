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

  it('names the limit of a text that is too long', () => {
    expect(translateError('zh', 'text_too_long_200')).toBe('内容过长，最多 200 字');
    expect(translateError('en', 'text_too_long_5000')).toBe('Too long: at most 5000 characters');
    expect(translateError('zh', 'name_too_long')).toBe('姓名过长，最多 40 字');
  });

  it('has no empty or untranslated English strings', () => {
    for (const [key, text] of Object.entries(MESSAGES.en)) {
      expect(text.length, key).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
    }
  });
});
