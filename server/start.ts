import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import { openAttachmentStorage } from './attachments/attachmentStorage';
import type { ServerConfig } from './config';
import type { Db } from './db/db';
import { openServerDb } from './db/openDb';
import type { DemoLoadOptions, DemoLoadResult } from './demo/loadDemo';
import { isDemoDatabase, loadDemo } from './demo/loadDemo';

export interface StartOptions {
  config: ServerConfig;
  demo?: DemoLoadOptions | null;
  logger?: boolean;
  /**
   * Called once when the database becomes unusable (full disk, PostgreSQL down or PANICked,
   * a wait beyond DB_TIMEOUT_MS). The default answers 503 `storage_unavailable` for
   * FATAL_EXIT_DELAY_MS (2 s) so that requests in flight get their answer, then exits with
   * STORAGE_EXIT_CODE for the supervisor (systemd, a service manager) to restart the server.
   */
  onStorageFatal?: (reason: string) => void;
  /** The server's clock (default: the wall clock); the e2e run shifts it to a fixed day (test/e2e/support/clock.ts). */
  now?: () => Date;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  demo: DemoLoadResult | null;
  /** The database was made by the demo loader (its demo accounts and public password exist). */
  demoDatabase: boolean;
  close: () => Promise<void>;
}

/** EX_TEMPFAIL: a temporary failure, try again (the storage may be back after a restart). */
export const STORAGE_EXIT_CODE = 75;

function exitOnStorageFatal(reason: string): void {
  const delay = Number(process.env.FATAL_EXIT_DELAY_MS ?? 2000);
  console.error(
    `storage unavailable (${reason}): answering 503 storage_unavailable and exiting with code ${STORAGE_EXIT_CODE} ` +
      `in ${delay} ms so that the supervisor restarts the server; free disk space or bring the database back first`,
  );
  // The database is not closed: a PGlite that failed a WAL write may never answer again, and
  // PostgreSQL rolls back whatever was in flight when the connections drop.
  setTimeout(() => process.exit(STORAGE_EXIT_CODE), Number.isFinite(delay) ? delay : 2000).unref();
  // Even if something keeps the event loop busy, a hard deadline.
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), (Number.isFinite(delay) ? delay : 2000) + 10_000).unref();
}

/**
 * Opens (and migrates) the database, loads the demo data when asked, and listens. Rejects
 * with MigrationMismatchError on a database written by a newer server, and with
 * DemoRefusedError when `demo` is asked on a database the demo did not create.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const db = await openServerDb(opts.config);
  let attachments: Awaited<ReturnType<typeof openAttachmentStorage>> | null = null;
  try {
    attachments = await openAttachmentStorage(opts.config.dataDir, opts.config.s3 ?? null);
    const demo = opts.demo ? await loadDemo(db, opts.demo, opts.now?.()) : null;
    const demoDatabase = demo !== null || (await isDemoDatabase(db));
    const app = await buildServer({
      db,
      logger: opts.logger ?? false,
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.config.trustProxy === undefined ? {} : { trustProxy: opts.config.trustProxy }),
      storage: { timeoutMs: opts.config.dbTimeoutMs, onFatal: opts.onStorageFatal ?? exitOnStorageFatal },
      attachments,
    });
    await app.listen({ port: opts.config.port, host: opts.config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.config.port;
    return {
      app,
      db,
      demo,
      demoDatabase,
      url: `http://${opts.config.host}:${port}`,
      async close() {
        await app.close();
        attachments?.close();
        await db.close();
      },
    };
  } catch (e) {
    attachments?.close();
    await db.close();
    throw e;
  }
}
