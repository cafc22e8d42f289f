/**
 * The one database seam of the server. Both back ends (PGlite embedded, `pg` pool) run the same
 * SQL. JSON goes in as text with an explicit `::jsonb` cast so that both drivers see the same
 * parameter type, and int8 comes back as a JS number from both (see pgDb.ts).
 */
export type SqlParam = string | number | boolean | null | Date;

export interface Queryable {
  /** Rows are typed by the caller: this is the trust boundary between SQL and TypeScript. */
  query: <T extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]) => Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec: (sql: string) => Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

/** int8/numeric columns may arrive as string or bigint depending on the driver. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return Number(v);
  throw new TypeError(`expected a number from the database, got ${typeof v}`);
}
