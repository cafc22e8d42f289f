import { PGlite } from '@electric-sql/pglite';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db, Queryable, SqlParam } from './db';

/** This boot of the machine (Linux), or null where there is no such file. */
function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** When this boot began (Linux /proc/stat `btime`), in ms since the epoch, or null. */
function bootTimeMs(): number | null {
  try {
    const m = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    return m ? Number(m[1]) * 1000 : null;
  } catch {
    return null;
  }
}

/** When process `pid` started, in clock ticks since boot (Linux /proc), or null when unknown. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** What the lock file says about its owner: `{pid, bootId, startTime}` (older files: the pid alone). */
interface LockOwner {
  pid: number;
  bootId: string | null;
  startTime: string | null;
}

function readOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), bootId: null, startTime: null };
  try {
    const v = JSON.parse(trimmed) as Partial<LockOwner>;
    if (typeof v.pid !== 'number') return null;
    return {
      pid: v.pid,
      bootId: typeof v.bootId === 'string' ? v.bootId : null,
      startTime: typeof v.startTime === 'string' ? v.startTime : null,
    };
  } catch {
    return null;
  }
}

/**
 * Whether the recorded owner still runs. A pid alone is not enough: after a reboot (or a long
 * uptime) the number is given to another process, and the server would refuse to start for
 * good. So the lock records the boot id and the owner's start time, and the owner counts as
 * alive only if the file was written in this boot, names this boot, and that pid is alive and
 * started at that same time.
 */
function ownerAlive(owner: LockOwner, lockWrittenMs: number): boolean {
  if (owner.pid <= 0 || owner.pid === process.pid || !isAlive(owner.pid)) return false;
  // A lock file older than this boot (a pid-only file of an older version too) is stale.
  const booted = bootTimeMs();
  if (booted !== null && lockWrittenMs < booted - 1000) return false;
  const boot = bootId();
  if (owner.bootId !== null && boot !== null && owner.bootId !== boot) return false;
  if (owner.startTime !== null) {
    const now = processStartTime(owner.pid);
    if (now !== null && now !== owner.startTime) return false;
  }
  return true;
}

/**
 * PGlite does not lock its data directory: two processes opening the same folder both write
 * and corrupt it. A lock file beside the folder makes the second server fail fast instead; a
 * file left by a process that is gone (see ownerAlive) is taken over.
 */
function acquireDirLock(dataDir: string): () => void {
  const lockPath = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const mine: LockOwner = { pid: process.pid, bootId: bootId(), startTime: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(readFileSync(lockPath, 'utf8'));
      if (owner && ownerAlive(owner, statSync(lockPath).mtimeMs)) {
        throw new Error(`data directory ${dataDir} is in use by process ${owner.pid}`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function wrap(q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const r = await q.query<T>(sql, [...params]);
      return r.rows;
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

/** Embedded PostgreSQL: `dataDir` on disk, or in memory when omitted (tests). */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  const release = dataDir ? acquireDirLock(dataDir) : () => undefined;
  let pg: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pg = await PGlite.create(dataDir);
  } catch (e) {
    release();
    throw e;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pg.close();
      release();
    },
  };
}
