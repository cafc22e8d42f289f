import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import './providedContext';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrations';
import { openPgDb } from '../../server/db/pgDb';
import { openPgliteDb } from '../../server/db/pgliteDb';

/** Where a server process keeps its data: a PGlite folder or a PostgreSQL database. */
export interface StorageConfig {
  databaseUrl: string | null;
  dataDir: string;
}

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database for in-process tests. */
  open: () => Promise<{ db: Db; drop: () => Promise<void> }>;
  /** Fresh, empty storage for a server running in a child process. */
  storage: () => Promise<{ config: StorageConfig; drop: () => Promise<void> }>;
}

async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `youfu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

const pglite: TestBackend = {
  name: 'pglite',
  async open() {
    const db = await openPgliteDb();
    await migrate(db);
    return { db, drop: () => db.close() };
  },
  storage() {
    const dir = mkdtempSync(join(tmpdir(), 'youfu-pglite-'));
    return Promise.resolve({
      config: { databaseUrl: null, dataDir: join(dir, 'server') },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    });
  },
};

function postgres(adminUrl: string): TestBackend {
  return {
    name: 'postgres',
    async open() {
      const created = await createPgDatabase(adminUrl);
      const db = openPgDb(created.url);
      await migrate(db);
      return {
        db,
        async drop() {
          await db.close();
          await created.drop();
        },
      };
    },
    async storage() {
      const created = await createPgDatabase(adminUrl);
      // The rows are in PostgreSQL; attachment bytes and unfinished uploads still go to a folder.
      const dir = mkdtempSync(join(tmpdir(), 'youfu-pg-data-'));
      return {
        config: { databaseUrl: created.url, dataDir: dir },
        async drop() {
          await created.drop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function missingPostgres(reason: string): TestBackend {
  const fail = (): never => {
    throw new Error(`PostgreSQL is required under CI: ${reason}`);
  };
  return { name: 'postgres', open: () => Promise.resolve().then(fail), storage: () => Promise.resolve().then(fail) };
}

let warned = false;

/**
 * The back ends every server test runs against: PGlite in memory, and the real PostgreSQL
 * that the globalSetup started (or TEST_DATABASE_URL). Without PostgreSQL the second one is
 * skipped with a message, except under CI, where its tests fail instead.
 */
export function testBackends(): TestBackend[] {
  const url = inject('TEST_DATABASE_URL') || process.env.TEST_DATABASE_URL || '';
  if (url) return [pglite, postgres(url)];
  const reason = inject('TEST_DATABASE_SKIP_REASON') || 'TEST_DATABASE_URL is not set';
  if (process.env.CI) return [pglite, missingPostgres(reason)];
  if (!warned) {
    warned = true;
    console.warn(`[server tests] PostgreSQL tests skipped: ${reason}`);
  }
  return [pglite];
}
