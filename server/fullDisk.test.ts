import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorBody, LoginResponse } from '../shared/sync/protocol';
import { testBackends } from '../test/support/databases';
import { MutationFactory, recipientFields, ST } from '../test/support/fixtures';
import { clusterRunner, findPgBin, freePort } from '../test/support/postgres';
import { http, pushBody } from '../test/support/serverHarness';
import { DEMO_PASSWORD } from './demo/loadDemo';
import { STORAGE_EXIT_CODE } from './start';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Can this machine give a test a private mount namespace with its own tmpfs? (root, unshare, tmpfs) */
function namespaceProblem(): string | null {
  const probe = mkdtempSync(join(tmpdir(), 'youfu-ns-probe-'));
  try {
    const r = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs "${probe}" && umount "${probe}"`], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    if (r.error) return `unshare is not available (${r.error.message})`;
    if (r.status !== 0) return `cannot mount a tmpfs in a private mount namespace (needs root): ${r.stderr.trim()}`;
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const problem = namespaceProblem();
if (problem && process.env.CI) throw new Error(`the full-disk test needs a private mount namespace under CI: ${problem}`);
if (problem) console.warn(`[full disk] skipped: ${problem}`);

interface Run {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  out: () => string;
}

function startInNamespace(mode: 'pglite' | 'postgres', mount: string, size: string, extraEnv: Record<string, string>): Run {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    FATAL_EXIT_DELAY_MS: '4000',
    DB_TIMEOUT_MS: '20000',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  const child = spawn('unshare', ['-m', join(REPO, 'test/support/fullDisk.sh'), mount, mode, size], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 100);
    void exited.then((e) => {
      clearInterval(timer);
      reject(new Error(`the server exited (${e.code ?? e.signal}) before listening:\n${out}`));
    });
  });
  return { child, url, exited, out: () => out };
}

/** Fills the namespace's tmpfs, seen from outside through /proc/<pid>/root, to the last block. */
function fill(pid: number, mount: string): number {
  const base = `/proc/${pid}/root${mount}`;
  let written = 0;
  for (const [size, name] of [
    [1 << 20, 'fill-big'],
    [4096, 'fill-small'],
    [512, 'fill-tiny'],
  ] as const) {
    const chunk = Buffer.alloc(size, 1);
    for (let i = 0; ; i++) {
      try {
        writeFileSync(`${base}/${name}-${i}`, chunk);
        written += size;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw e;
      }
    }
  }
  return written;
}

/** The process of the server inside the namespace (a child of the script), for clean-up. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const backends = problem ? [] : testBackends().map((b) => b.name);

describe.skipIf(backends.length === 0).each(backends.length > 0 ? backends : ['pglite' as const])(
  'a full disk under the server on %s',
  (mode) => {
    const runs: Run[] = [];
    const dirs: string[] = [];
    afterAll(async () => {
      for (const r of runs) {
        if (r.child.exitCode === null && r.child.pid) {
          for (const c of childrenOf(r.child.pid)) process.kill(c, 'SIGTERM');
          await Promise.race([r.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
          if (r.child.exitCode === null) r.child.kill('SIGKILL');
        }
      }
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    it(
      'answers 503 storage_unavailable (health too) within a bounded wait, then exits non-zero for its supervisor',
      { timeout: 300_000 },
      async () => {
        const mount = mkdtempSync(join(tmpdir(), `youfu-full-${mode}-`));
        dirs.push(mount);
        const extra: Record<string, string> = {};
        if (mode === 'postgres') {
          // findPgBin answers a folder or {bin, source}, depending on the version of the helper.
          const found: string | { bin: string } | null = findPgBin();
          const bin = typeof found === 'string' ? found : found?.bin;
          if (!bin) throw new Error('PostgreSQL binaries not found');
          // Run as the account the test clusters use (postgres, or nobody where there is none),
          // from binaries that account can reach (npm's may sit under a folder it cannot enter).
          const home = mkdtempSync(join(tmpdir(), 'youfu-full-pgbin-'));
          dirs.push(home);
          const runner = clusterRunner(bin, home);
          extra.PG_BIN = runner.bin;
          if (runner.user) extra.PG_USER = runner.user;
          extra.PG_PORT = String(await freePort());
        }
        const run = startInNamespace(mode, mount, mode === 'postgres' ? '120m' : '80m', extra);
        runs.push(run);
        const url = await run.url;

        const login = await http<LoginResponse>(url, 'POST', '/api/v1/auth/login', {
          username: 'demo-caseworker',
          password: DEMO_PASSWORD,
          deviceId: 'full-disk-device',
        });
        expect(login.status).toBe(200);
        expect((await http(url, 'GET', '/api/v1/health')).status).toBe(200);

        const filled = fill(run.child.pid!, mount);
        expect(filled).toBeGreaterThan(0);

        // Pushes with long notes until the database needs a block it cannot have.
        const f = new MutationFactory(`full-disk-${randomUUID().slice(0, 8)}`, () => new Date());
        const statuses: number[] = [];
        let refused: { status: number; body: ErrorBody } | null = null;
        for (let i = 0; i < 40 && !refused; i++) {
          const batch = Array.from({ length: 20 }, () =>
            f.upsert(
              'recipients',
              randomUUID(),
              recipientFields(ST.yuanlingA, { healthNotes: `${randomUUID()} 血压偏高，需定期复查。`.repeat(60) }),
            ),
          );
          const t0 = Date.now();
          const r = await http<ErrorBody>(url, 'POST', '/api/v1/sync/push', pushBody(f.clientId, batch), login.body.token);
          // A bounded wait: never the hang of a wedged database.
          expect(Date.now() - t0).toBeLessThan(60_000);
          statuses.push(r.status);
          if (r.status !== 200) refused = r;
        }
        expect(refused, `push statuses ${statuses.join(',')}\n${run.out()}`).not.toBeNull();
        expect(refused!.status).toBe(503);
        expect(refused!.body.error.code).toBe('storage_unavailable');

        // Health says so too (the server answers 503 for a few seconds before it exits).
        const health = await http<ErrorBody>(url, 'GET', '/api/v1/health').catch(() => null);
        if (health) {
          expect(health.status).toBe(503);
          expect(health.body.error.code).toBe('storage_unavailable');
        }

        const exit = await run.exited;
        expect(exit.code).toBe(STORAGE_EXIT_CODE);
        expect(run.out()).toMatch(/storage unavailable \((disk_full|[a-z_0-9]+)\).*exiting with code 75/);
        console.info(
          `[full disk on ${mode}] ${Math.round(filled / 1e6)} MB filled; pushes ${statuses.join(',')}; ${/storage unavailable \(([^)]+)\)/.exec(run.out())?.[1]}`,
        );
      },
    );
  },
);
