import type { Db, Queryable, SqlParam } from './db';

/**
 * A full disk, a crashed or restarting PostgreSQL or a lost connection must not leave the server
 * hanging: once PostgreSQL has PANICked on a WAL write, PGlite stops answering at all (its next
 * query blocks the whole process) and a pool can wait for ever. The guard sits between the routes
 * and the database: it bounds every wait, recognises the fatal states, and from the first one on
 * answers every call at once with StorageUnavailableError (503 `storage_unavailable`) without
 * touching the database again, and tells its owner, who exits so that a supervisor restarts the
 * server (see start.ts).
 */

export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(readonly reason: string) {
    super(`the database storage is unavailable (${reason})`);
  }
}

/** 30 s: far above any single statement of this server (city review < 1 s, a push batch a few s). */
export const DEFAULT_DB_TIMEOUT_MS = 30_000;

function errorCode(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = e.code;
    if (typeof code === 'string') return code;
  }
  return '';
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name} ${e.message}`;
  return typeof e === 'string' ? e : '';
}

/**
 * Why `e` means the storage cannot be used any more, or null for an ordinary error (a bad
 * statement, a constraint, a serialisation failure: the request fails, the server carries on).
 * The reason is a code, never the error's text (which may hold row values).
 */
export function fatalStorageReason(e: unknown): string | null {
  const code = errorCode(e);
  // SQLSTATE classes: 53 insufficient resources (53100 disk_full), 58 system error (58030 io_error).
  if (/^53[0-9A-Z]{3}$/.test(code)) return code === '53100' ? 'disk_full' : `insufficient_resources_${code}`;
  if (/^58[0-9A-Z]{3}$/.test(code)) return `system_error_${code}`;
  // 57P01 admin shutdown, 57P02 crash of another backend (after a PANIC), 57P03 cannot connect now (recovering).
  if (code === '57P01' || code === '57P02' || code === '57P03') return `server_shutdown_${code}`;
  if (/^08[0-9A-Z]{3}$/.test(code)) return `connection_${code}`;
  if (['ENOSPC', 'EIO', 'EROFS', 'EDQUOT'].includes(code)) return code.toLowerCase();
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code))
    return `connection_${code.toLowerCase()}`;
  const text = errorText(e);
  if (/No space left on device/i.test(text)) return 'disk_full';
  if (/\bPANIC\b/.test(text)) return 'panic';
  if (/Connection terminated/i.test(text)) return 'connection_terminated';
  if (/timeout exceeded when trying to connect/i.test(text)) return 'pool_timeout';
  // A WebAssembly trap: PGlite's engine is dead.
  if (e instanceof Error && (e.name === 'RuntimeError' || /\bAborted\(/.test(e.message))) return 'engine_aborted';
  return null;
}

export interface StorageGuardOptions {
  /** Longest wait for one statement (or for a connection) before the storage is declared unavailable. */
  timeoutMs?: number;
  /** Called once, with the reason code, when the storage becomes unavailable. */
  onFatal?: (reason: string) => void;
}

export interface StorageGuard {
  db: Db;
  /** Null while usable; the reason code once the storage has been declared unavailable. */
  fatal: () => string | null;
}

export function guardDb(inner: Db, opts: StorageGuardOptions = {}): StorageGuard {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  let fatal: string | null = null;

  const declare = (reason: string): StorageUnavailableError => {
    if (fatal === null) {
      fatal = reason;
      opts.onFatal?.(reason);
    }
    return new StorageUnavailableError(fatal);
  };

  /** Runs `op` unless the storage is already gone; bounded by the timeout; classifies failures. */
  async function guarded<T>(op: () => Promise<T>, ms = timeoutMs): Promise<T> {
    if (fatal !== null) throw new StorageUnavailableError(fatal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(declare('timeout')), ms);
      timer.unref();
    });
    try {
      return await Promise.race([op(), timeout]);
    } catch (e) {
      if (e instanceof StorageUnavailableError) throw e;
      const reason = fatalStorageReason(e);
      if (reason !== null) throw declare(reason);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  const wrap = (q: Queryable): Queryable => ({
    query: <T extends object>(sql: string, params?: readonly SqlParam[]) => guarded(() => q.query<T>(sql, params)),
    exec: (sql: string) => guarded(() => q.exec(sql)),
  });

  const base = wrap(inner);
  const db: Db = {
    kind: inner.kind,
    query: base.query,
    exec: base.exec,
    // Each statement inside is bounded; so is the whole transaction (the wait for a connection,
    // BEGIN and COMMIT are not statements of ours), generously since it may hold many.
    transaction: <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
      guarded(() => inner.transaction((tx) => fn(wrap(tx))), timeoutMs * 4),
    close: () => inner.close(),
  };

  return { db, fatal: () => fatal };
}
