import type { Db } from './db';
import { migrate } from './migrations';
import { openPgDb } from './pgDb';
import { openPgliteDb } from './pgliteDb';

/** `DATABASE_URL` wins; otherwise the embedded PGlite database in `dataDir`. Migrated on open. */
export async function openServerDb(cfg: { databaseUrl: string | null; dataDir: string }): Promise<Db> {
  const db = cfg.databaseUrl ? openPgDb(cfg.databaseUrl) : await openPgliteDb(cfg.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
