import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds the Electron executable without `require('electron')`: that module downloads the
 * binary when it is missing, which on a machine without network hangs or fails noisily.
 * Also runs it once (`--version`) so a binary that cannot start here counts as missing.
 */
export function findElectronBinary(): ElectronBinary {
  const missing = 'Electron binary not available on this machine (cannot be downloaded here): skipped';
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: `${missing} (the electron package is not installed)` };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) return { ok: false, reason: missing };
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const exe = override ? path.join(override, relative) : path.join(pkgDir, 'dist', relative);
  if (!existsSync(exe)) return { ok: false, reason: `${missing} (${exe} does not exist)` };
  const run = spawnSync(exe, ['--version'], { timeout: 20_000, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (run.status !== 0)
    return { ok: false, reason: `Electron binary at ${exe} does not run here (${run.error?.message ?? run.stderr.trim()}): skipped` };
  return { ok: true, path: exe };
}
