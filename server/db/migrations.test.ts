import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/databases';
import type { Db } from './db';
import { loadMigrations, migrate, MigrationMismatchError } from './migrations';

describe.each(testBackends())('migrations on $name', (backend) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
  });
  afterAll(async () => drop());

  it('records every applied migration and applies none twice', async () => {
    const rows = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual(loadMigrations().map((m) => m.version));
    expect(rows[0]?.name).toBe('init');
    expect(await migrate(db)).toEqual([]);
  });

  it('refuses a database written by a newer server', async () => {
    await db.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'from_the_future', 'x')");
    try {
      await expect(migrate(db)).rejects.toThrow(MigrationMismatchError);
      await expect(migrate(db)).rejects.toThrow(/999 \(from_the_future\).*newer/);
    } finally {
      await db.query('DELETE FROM schema_migrations WHERE version = 999');
    }
  });

  it('refuses a database whose applied migration was edited since', async () => {
    const edited = loadMigrations().map((m) => (m.version === 1 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(db, edited)).rejects.toThrow(/differs/);
  });
});
