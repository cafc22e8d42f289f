import { describe, expect, it } from 'vitest';
import { recipientStrings } from './strings';

describe("a visit's condition line", () => {
  it('a missing rating reads as a dash after its label, not as 生活— (生活一)', () => {
    const line = recipientStrings.zh.condition.replace('{health}', '良好').replace('{living}', '—').replace('{mood}', '一般');
    expect(line).toBe('身体：良好，生活：—，精神：一般');
    expect(line).not.toMatch(/生活—/);
  });
});
