import pg from 'pg';
import type { Db, Queryable, SqlParam } from './db';

/** int8 (OID 20) as a JS number, like PGlite: sequence values stay far below 2^53. */
const INT8_OID = 20;
const builtinParser: (oid: number, format?: 'text' | 'binary') => (value: string) => unknown = pg.types.getTypeParser;
function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID) return (v) => Number(v);
  return builtinParser(oid, format);
}
const types: pg.CustomTypesConfig = { getTypeParser: getTypeParser as pg.CustomTypesConfig['getTypeParser'] };

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const r = await client.query<T & pg.QueryResultRow>(sql, [...params]);
      return r.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** Production PostgreSQL through a connection pool (`DATABASE_URL`). */
export function openPgDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle client that loses its connection must not crash the server; the pool replaces it.
  pool.on('error', () => undefined);
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
