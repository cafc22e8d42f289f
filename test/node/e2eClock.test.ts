import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_CLOCK_START, fixRunClock } from '../e2e/support/clock';

/**
 * The e2e run has one clock (test/e2e/support/clock.ts). A spec that takes Playwright's own
 * `test`, or opens a context without the clock, would see the wall clock again.
 */
const E2E_DIR = path.resolve('test/e2e');
const specs = readdirSync(E2E_DIR).filter((f) => f.endsWith('.spec.ts'));

describe('the e2e clock', () => {
  it('fixes one offset per run: the run starts on the demo day, and an inherited offset is kept', () => {
    const env: NodeJS.ProcessEnv = {};
    fixRunClock(env);
    const start = Date.now() + Number(env.E2E_CLOCK_OFFSET_MS);
    expect(Math.abs(start - Date.parse(E2E_CLOCK_START))).toBeLessThan(5_000);
    const kept: NodeJS.ProcessEnv = { E2E_CLOCK_OFFSET_MS: '-1234' };
    fixRunClock(kept);
    expect(kept.E2E_CLOCK_OFFSET_MS).toBe('-1234');
  });

  it('every spec takes `test` from support/test.ts and opens contexts on the clock', () => {
    expect(specs.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const f of specs) {
      const src = readFileSync(path.join(E2E_DIR, f), 'utf8');
      const fromPlaywright = /import\s*\{([^}]*)\}\s*from\s*'@playwright\/test'/.exec(src)?.[1] ?? '';
      if (fromPlaywright.split(',').some((n) => n.trim() === 'test')) offenders.push(`${f}: test from @playwright/test`);
      if (!/from '\.\/support\/test'/.test(src)) offenders.push(`${f}: no import of ./support/test`);
      if (/browser\.new(Context|Page)\(/.test(src)) offenders.push(`${f}: browser.newContext/newPage without the clock`);
    }
    expect(offenders).toEqual([]);
  });
});
