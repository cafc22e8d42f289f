import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(script: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr, ms: Date.now() - t0 });
    }),
  );
}

describe('the stall watchdog', () => {
  it('kills a process whose main thread is blocked (as by a wedged PGlite), saying why', { timeout: 90_000 }, async () => {
    const r = await run(`
      const { startWatchdog } = await import('./server/watchdog.ts');
      startWatchdog(1500);
      setTimeout(() => { for (;;) {} }, 500);
    `);
    expect(r.signal).toBe('SIGKILL');
    expect(r.stderr).toMatch(/server stalled: the main thread has not run for \d+ ms/);
  });

  it('leaves a process alone that is busy but keeps returning to its event loop', { timeout: 90_000 }, async () => {
    const r = await run(`
      const { startWatchdog } = await import('./server/watchdog.ts');
      const dog = startWatchdog(1500);
      const until = Date.now() + 4000;
      const step = () => { const t = Date.now() + 200; while (Date.now() < t) {} if (Date.now() < until) setImmediate(step); else void dog.stop().then(() => process.exit(0)); };
      step();
    `);
    expect(r.stderr).not.toMatch(/stalled/);
    expect(r.code).toBe(0);
  });
});
