import { describe, expect, it } from 'vitest';
import { clearDatabaseAlias, resolveDatabaseName, restoredDatabaseName, setDatabaseAlias } from './databaseAlias';

function memory() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

describe('database alias after a restore', () => {
  it('uses the base name until a restore points the account at the restored database', () => {
    const s = memory();
    expect(resolveDatabaseName('station-srv-u1', s)).toBe('station-srv-u1');
    const restored = restoredDatabaseName('station-srv-u1', new Date('2026-11-28T01:30:00.000Z'));
    expect(restored).toBe('station-srv-u1-restored-20261128T093000');
    setDatabaseAlias('station-srv-u1', restored, s);
    expect(resolveDatabaseName('station-srv-u1', s)).toBe(restored);
    expect(resolveDatabaseName('station-srv-u2', s)).toBe('station-srv-u2');
    clearDatabaseAlias('station-srv-u1', s);
    expect(resolveDatabaseName('station-srv-u1', s)).toBe('station-srv-u1');
  });

  it("ignores an alias that does not belong to the account (another account's database)", () => {
    const s = memory();
    setDatabaseAlias('station-srv-u1', 'station-srv-u2', s);
    expect(resolveDatabaseName('station-srv-u1', s)).toBe('station-srv-u1');
  });
});
