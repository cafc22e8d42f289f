import { describe, expect, it } from 'vitest';
import { generateDemoRows } from './generator';
import { demoRowToLine } from './ndjson';

describe('demoRowToLine', () => {
  it('writes exactly what JSON.stringify writes, for every row of a data set', () => {
    let checked = 0;
    for (const r of generateDemoRows({ recipients: 200, seed: 5 })) {
      const line = demoRowToLine(r);
      if (line !== JSON.stringify(r)) expect(line).toBe(JSON.stringify(r));
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
