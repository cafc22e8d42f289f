import path from 'node:path';
import { buildSync } from 'esbuild';

let cached: string | null = null;

/** The page side of the bridge (the real `createAppApi`), as one script for addInitScript. */
export function pageBridgeScript(): string {
  if (cached === null) {
    const out = buildSync({
      entryPoints: [path.join(import.meta.dirname, 'pageBridge.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
    });
    const file = out.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the page bridge');
    cached = file.text;
  }
  return cached;
}
