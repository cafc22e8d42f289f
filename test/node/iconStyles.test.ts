import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as definitions from '@ant-design/icons-svg';
import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/lib/types';
import { describe, expect, it } from 'vitest';

/**
 * An Ant Design icon is an inline SVG that React inserts with the screen: a <style> inside it
 * (LoginOutlined and RestOutlined carry an empty one) gets no nonce and breaks the desktop's
 * strict CSP (style-src-elem without 'unsafe-inline'). So the renderer imports none of those.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function importedIcons(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of sourceFiles(path.resolve('renderer'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'@ant-design\/icons'/g)) {
      for (const name of (m[1] ?? '').split(',').map((s) => s.trim().replace(/^type\s+/, '')))
        if (name !== '') out.set(name, path.relative(process.cwd(), file));
    }
  }
  return out;
}

function hasStyle(node: AbstractNode): boolean {
  return node.tag === 'style' || (node.children ?? []).some(hasStyle);
}

const byName: Record<string, IconDefinition | undefined> = definitions;

describe('Ant Design icons under the strict CSP', () => {
  it('knows which icons carry a <style> (the check below is not vacuous)', () => {
    const login = byName['LoginOutlined'];
    expect(login && typeof login.icon !== 'function' && hasStyle(login.icon)).toBe(true);
  });

  it('the renderer imports no icon whose SVG holds a <style> element', () => {
    const icons = importedIcons();
    expect(icons.size).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const [name, file] of icons) {
      const def = byName[name];
      if (def === undefined) continue; // not an icon (e.g. a helper the package exports)
      const node = typeof def.icon === 'function' ? def.icon('#000', '#fff') : def.icon;
      if (hasStyle(node)) offenders.push(`${name} (${file})`);
    }
    expect(offenders).toEqual([]);
  });
});
