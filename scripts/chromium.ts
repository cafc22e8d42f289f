import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Which Chromium Playwright and the bench drive, in this order:
 * 1. `CHROMIUM_PATH`, when set;
 * 2. the system's (Debian's `apt-get install chromium`: /usr/bin/chromium);
 * 3. the headless Chromium that the npm package `@sparticuz/chromium` carries in its tarball
 *    (a devDependency, so `npm install` is enough; nothing is downloaded). Its brotli archives
 *    are unpacked once into `<tmpdir>/youfu-chromium-<version>`, which appears whole or not at all.
 * Playwright's own browser download is never used (it cannot reach its CDN here).
 */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm';

export interface FoundChromium {
  path: string;
  source: ChromiumSource;
  /** Extra environment the bundled build needs on this machine (shared libraries, fonts), or none. */
  env?: Record<string, string>;
}

export interface FindChromiumOptions {
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where a system Chromium may be; defaults to Debian's /usr/bin/chromium. */
  systemPaths?: readonly string[];
  /** Where the bundled build is unpacked; defaults to the OS temp folder. */
  unpackRoot?: string;
}

export const SYSTEM_CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium'];

/**
 * Flags for a headless, offline-quiet Chromium that only talks to localhost. The last two give
 * it a camera (a generated test picture) and answer its permission prompt yes, for the camera
 * spec (test/e2e/camera.spec.ts); nothing else asks for a camera.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const require = createRequire(import.meta.url);
const BUNDLE = '@sparticuz/chromium';
/** The package's archives: the browser, its software GL, fonts, and NSS/expat for machines without them. */
const ARCHIVES = ['chromium.br', 'swiftshader.tar.br', 'fonts.tar.br', 'al2023.tar.br'];

export class ChromiumNotFoundError extends Error {
  readonly code = 'chromium_not_found';
}

/** The Chromium to launch (see the order above); throws ChromiumNotFoundError when there is none. */
export function findChromium(opts: FindChromiumOptions = {}): FoundChromium {
  const env = opts.env ?? process.env;
  if (env.CHROMIUM_PATH) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const system = (opts.systemPaths ?? SYSTEM_CHROMIUM_PATHS).find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  return bundledChromium(opts.unpackRoot ?? tmpdir());
}

const found = new Map<string, FoundChromium>();

/** The bundled build, unpacked under `root` on first use (once per process, then cached). */
function bundledChromium(root: string): FoundChromium {
  const cached = found.get(root);
  if (cached) return cached;
  let entry: string;
  try {
    entry = require.resolve(BUNDLE);
  } catch {
    throw new ChromiumNotFoundError(
      `no Chromium: CHROMIUM_PATH is not set, there is none at ${SYSTEM_CHROMIUM_PATHS.join(', ')}, and ${BUNDLE} is not installed (run npm install)`,
    );
  }
  const pkgRoot = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8')) as { version: string };
  const dir = join(root, `youfu-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) unpack(entry, join(pkgRoot, 'bin'), dir);
  const result: FoundChromium = { path: join(dir, 'chromium'), source: 'npm', env: bundledEnv(dir) };
  found.set(root, result);
  return result;
}

/**
 * Unpacks with the package's own `inflate` (it writes into os.tmpdir(), so a child process
 * gets TMPDIR = a private staging folder), then renames the folder into place: a second
 * process unpacking at the same time, or one killed half-way, never leaves a partial browser
 * where the next run would pick it up.
 */
function unpack(entry: string, binDir: string, dir: string): void {
  mkdirSync(dirname(dir), { recursive: true });
  const staging = `${dir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(staging);
  try {
    const script = `const { inflate } = await import(process.argv[1]);
const { join } = await import('node:path');
await Promise.all(${JSON.stringify(ARCHIVES)}.map((f) => inflate(join(process.argv[2], f))));`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(entry).href, binDir], {
      env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 180_000,
    });
    writeFileSync(join(staging, 'fonts.conf'), fontsConf(dir));
    try {
      renameSync(staging, dir);
    } catch (e) {
      // Another process put its copy in place first: use that one.
      if (!existsSync(join(dir, 'chromium'))) throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A fontconfig file for the package's fonts, used only where the system has no fontconfig. */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;
}

/**
 * The build is linked against NSS and expat only; the package ships those (for Amazon Linux),
 * used here only when this machine lacks them. Same for fonts: the system's fontconfig (and its
 * CJK fonts, for readable screenshots) when there is one, the package's Open Sans otherwise.
 */
function bundledEnv(dir: string): Record<string, string> | undefined {
  const extra: Record<string, string> = {};
  const ldd = spawnSync('ldd', [join(dir, 'chromium')], { encoding: 'utf8', timeout: 30_000 });
  if (ldd.status === 0 && /not found/.test(ldd.stdout)) {
    const lib = join(dir, 'al2023', 'lib');
    extra.LD_LIBRARY_PATH = process.env.LD_LIBRARY_PATH ? `${lib}:${process.env.LD_LIBRARY_PATH}` : lib;
  }
  if (!existsSync('/etc/fonts/fonts.conf') && !process.env.FONTCONFIG_FILE) extra.FONTCONFIG_FILE = join(dir, 'fonts.conf');
  return Object.keys(extra).length > 0 ? extra : undefined;
}

/** The path alone (the bench prints `--version` of it); undefined when there is no Chromium. */
export function chromiumPath(): string | undefined {
  try {
    return findChromium().path;
  } catch (e) {
    if (e instanceof ChromiumNotFoundError) return undefined;
    throw e;
  }
}

export interface ChromiumLaunchOptions {
  executablePath?: string;
  args: string[];
  env?: Record<string, string>;
}

/**
 * Playwright launch options for the Chromium found: its path, our flags, and (for the bundled
 * build, where needed) the whole environment plus its extras, as Playwright's `env` replaces it.
 * Where there is none the path stays unset and Playwright's own error says what is missing.
 */
export function chromiumLaunchOptions(opts: FindChromiumOptions = {}): ChromiumLaunchOptions {
  let chosen: FoundChromium;
  try {
    chosen = findChromium(opts);
  } catch (e) {
    if (!(e instanceof ChromiumNotFoundError)) throw e;
    console.warn(`[chromium] ${e.message}`);
    return { args: CHROMIUM_ARGS };
  }
  if (!chosen.env) return { executablePath: chosen.path, args: CHROMIUM_ARGS };
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env ?? process.env)) if (v !== undefined) env[k] = v;
  return { executablePath: chosen.path, args: CHROMIUM_ARGS, env: { ...env, ...chosen.env } };
}
