import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { openPgliteDb, processStartTime } from './pgliteDb';

const hasProc = processStartTime(process.pid) !== null;

describe('the PGlite data-directory lock', () => {
  let dir: string;
  let other: ChildProcess;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'youfu-lock-'));
    // A live process that is not a server: the stand-in for a pid that was given to someone else.
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  });
  afterAll(() => {
    other.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const dataDir = (name: string) => join(dir, name);
  const lockOf = (name: string) => `${dataDir(name)}.lock`;

  it('records the boot id and the start time of its owner, and refuses a second opener while it runs', async () => {
    const db = await openPgliteDb(dataDir('a'));
    try {
      const lock = JSON.parse(readFileSync(lockOf('a'), 'utf8')) as { pid: number; bootId: string | null; startTime: string | null };
      expect(lock.pid).toBe(process.pid);
      if (hasProc) {
        expect(lock.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
        expect(lock.startTime).toBe(processStartTime(process.pid));
      }
      // The owner, seen from a lock file naming a live process of this boot with its start time.
      writeFileSync(lockOf('b'), JSON.stringify({ pid: other.pid, bootId: lock.bootId, startTime: processStartTime(other.pid!) }));
      await expect(openPgliteDb(dataDir('b'))).rejects.toThrow(/in use by process/);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!hasProc)('takes over a lock whose pid now belongs to another process: written before a reboot', async () => {
    writeFileSync(
      lockOf('c'),
      JSON.stringify({ pid: other.pid, bootId: '00000000-0000-4000-8000-000000000000', startTime: processStartTime(other.pid!) }),
    );
    const db = await openPgliteDb(dataDir('c'));
    await db.close();
  });

  it.skipIf(!hasProc)('takes over a lock whose pid was reused in this boot (another start time)', async () => {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    writeFileSync(lockOf('d'), JSON.stringify({ pid: other.pid, bootId: boot, startTime: '1' }));
    const db = await openPgliteDb(dataDir('d'));
    await db.close();
  });
});

describe('a lock file of the previous version (the pid alone)', () => {
  it.skipIf(!hasProc)('is taken over when it was written before this boot, even though its pid is alive now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'youfu-lock-'));
    try {
      const lock = `${join(dir, 'server')}.lock`;
      // The parent of this test runs for sure: a live pid, as a recycled one would be after a reboot.
      writeFileSync(lock, String(process.ppid));
      const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
      const beforeBoot = new Date((btime - 3600) * 1000);
      utimesSync(lock, beforeBoot, beforeBoot);
      const db = await openPgliteDb(join(dir, 'server'));
      await db.close();
      // Written in this boot, the same file still protects its live owner.
      writeFileSync(lock, String(process.ppid));
      await expect(openPgliteDb(join(dir, 'server'))).rejects.toThrow(/in use by process/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
