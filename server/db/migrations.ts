import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';
import { toNumber } from './db';

/** Migrations are data: `NNN_name.sql`, applied in order, each one exactly once. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export class MigrationMismatchError extends Error {
  override readonly name = 'MigrationMismatchError';
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    out.push({ version: Number(m[1]), name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  out.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations must be numbered 001, 002, … without gaps; found ${m.version} at position ${i + 1}`);
  });
  return out;
}

/** Any number; only used so two servers starting at once on one database take turns. */
const MIGRATION_LOCK_KEY = 7_011_2024;

/**
 * Brings the database up to the migrations this build knows, in one transaction. Refuses a
 * database that has a migration this build does not know (written by a newer server) or whose
 * applied migration differs from ours (edited after release): running on it could corrupt data.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await tx.query<{ version: unknown; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of applied) {
      const version = toNumber(row.version);
      const mine = known.get(version);
      if (!mine) {
        throw new MigrationMismatchError(
          `the database has migration ${version} (${row.name}) that this server does not know: it was written by a newer version; upgrade the server`,
        );
      }
      if (mine.checksum !== row.checksum) {
        throw new MigrationMismatchError(`migration ${version} (${row.name}) in the database differs from this server's copy`);
      }
    }
    const done = new Set(applied.map((r) => toNumber(r.version)));
    const newlyApplied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      newlyApplied.push(m.version);
    }
    return newlyApplied;
  });
}
