import { describe, expect, it } from 'vitest';
import { URGENCY } from './enums';

describe('URGENCY', () => {
  it('names each value the same in both languages: normal is 一般 / Normal, not 较急', () => {
    expect(URGENCY.values).toEqual(['low', 'normal', 'high', 'critical']);
    expect(URGENCY.values.map((v) => [URGENCY.label(v, 'zh'), URGENCY.label(v, 'en')])).toEqual([
      ['不急', 'Low'],
      ['一般', 'Normal'],
      ['紧急', 'High'],
      ['特急', 'Critical'],
    ]);
  });
});
