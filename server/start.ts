import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import type { ServerConfig } from './config';
import type { Db } from './db/db';
import { openServerDb } from './db/openDb';
import type { DemoLoadOptions, DemoLoadResult } from './demo/loadDemo';
import { loadDemo } from './demo/loadDemo';

export interface StartOptions {
  config: ServerConfig;
  demo?: DemoLoadOptions | null;
  logger?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  demo: DemoLoadResult | null;
  close: () => Promise<void>;
}

/**
 * Opens (and migrates) the database, loads the demo data when asked, and listens. Rejects
 * with MigrationMismatchError on a database written by a newer server.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const db = await openServerDb(opts.config);
  try {
    const demo = opts.demo ? await loadDemo(db, opts.demo) : null;
    const app = await buildServer({ db, logger: opts.logger ?? false });
    await app.listen({ port: opts.config.port, host: opts.config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.config.port;
    return {
      app, db, demo,
      url: `http://${opts.config.host}:${port}`,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
