import { describe, expect, it } from 'vitest';
import { cleanText, hasUnstorableChars, longText, personName, shortText } from './primitives';
import { entitySchemas } from './schemas';

describe('text that can be stored', () => {
  it.each([
    ['NUL inside a word', '张\u0000建国', '张建国'],
    ['other control characters from a paste', 'a\u0001b\u001fc\u000bd', 'abcd'],
    ['a lone high surrogate', 'x\ud83dy', 'x\ufffdy'],
    ['a lone low surrogate at the end', 'xy\ude00', 'xy\ufffd'],
  ])('cleans %s', (_what, raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
    expect(hasUnstorableChars(clean)).toBe(false);
  });

  it.each([
    ['Chinese text', '园岭新村 12 栋'],
    ['an emoji (a whole surrogate pair)', '身体好 😀'],
    ['tabs and line breaks', '第一行\r\n\t第二行'],
  ])('keeps %s as it is', (_what, s) => {
    expect(cleanText(s)).toBe(s);
    expect(hasUnstorableChars(s)).toBe(false);
  });

  it('finds NUL and lone surrogates, the characters PostgreSQL refuses', () => {
    expect(hasUnstorableChars('a\u0000')).toBe(true);
    expect(hasUnstorableChars('\udc00a')).toBe(true);
    expect(hasUnstorableChars('\ud83d')).toBe(true);
  });

  it('every free-text schema of a row stores clean text, nested ones included', () => {
    expect(personName.parse(' 张\u0000三 ')).toBe('张三');
    expect(shortText.parse('地址\ud800')).toBe('地址\ufffd');
    expect(longText.parse('备注\u0000')).toBe('备注');
    const categories = entitySchemas.recipients.shape.categories.parse([
      { code: 'martyr_family', relation: 'parent', fallenName: '李\u0000四' },
    ]);
    expect(categories[0]?.fallenName).toBe('李四');
    expect(entitySchemas.recipients.shape.tags.parse(['孤老\u0000'])).toEqual(['孤老']);
    expect(entitySchemas.requests.shape.description.parse('看病\udc00难')).toBe('看病\ufffd难');
    expect(entitySchemas.signoffs.shape.comment.parse('正常\u0000')).toBe('正常');
  });

  it('a name that is only control characters is empty, hence required', () => {
    expect(personName.safeParse('\u0000\u0001').success).toBe(false);
  });
});

describe('text limits travel in the code', () => {
  it('a too-long text says which limit it broke', () => {
    expect(shortText.safeParse('字'.repeat(201)).error?.issues[0]?.message).toBe('text_too_long_200');
    expect(longText.safeParse('字'.repeat(5001)).error?.issues[0]?.message).toBe('text_too_long_5000');
  });
});
