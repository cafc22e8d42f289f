import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dropWoff } from './woff2Only';

describe('the shipped font: woff2 only', () => {
  it('keeps every woff2 source of the real stylesheet and drops every woff one', () => {
    const css = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'), 'utf8');
    const woff2 = css.match(/format\('woff2'\)/g)?.length ?? 0;
    expect(woff2).toBeGreaterThan(50);
    const out = dropWoff(css);
    expect(out.match(/format\('woff2'\)/g)?.length).toBe(woff2);
    expect(out).not.toMatch(/\.woff\)/);
    expect(out).not.toMatch(/format\('woff'\)/);
  });
});
