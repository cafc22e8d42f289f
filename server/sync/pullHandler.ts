import type { Change, PullQuery, PullResponse } from '../../shared/sync/protocol';
import type { Session } from '../auth/tokens';
import type { Db, SqlParam } from '../db/db';
import { toNumber } from '../db/db';
import { ApiError } from '../errors';
import { inScope, scopeCondition, scopeFingerprint, scopesOf } from '../scope';

export interface PullDeps {
  db: Db;
  now: () => Date;
}

interface ChangeRecord {
  seq: unknown;
  table_name: string;
  row_id: string;
  rev: number;
  deleted: boolean;
  station_code: string;
  data: Record<string, unknown>;
}

/**
 * A cursor is only meaningful under the scopes it was issued for: when an account is moved to
 * another station, its devices hold rows it may no longer see and lack the new ones, so the
 * server asks for a full refetch. Remembered per client (the clientId the app pushes with, or
 * the device of the token when a pull does not name one).
 */
async function checkScopeUnchanged(
  db: Db,
  session: Session,
  clientKey: string,
  fingerprint: string,
  cursor: number,
  now: Date,
): Promise<void> {
  const [state] = await db.query<{ account_id: string; scope_fingerprint: string | null }>(
    'SELECT account_id, scope_fingerprint FROM client_state WHERE client_id = $1',
    [clientKey],
  );
  if (state && state.account_id !== session.account.id) throw new ApiError('forbidden_scope', 'this clientId belongs to another account');
  if (cursor > 0 && state?.scope_fingerprint != null && state.scope_fingerprint !== fingerprint) {
    throw new ApiError('must_refetch', 'your area of responsibility has changed; the local data will be downloaded again');
  }
  if (state?.scope_fingerprint !== fingerprint) {
    await db.query(
      `INSERT INTO client_state (client_id, account_id, last_seq, scope_fingerprint, updated_at) VALUES ($1, $2, 0, $3, $4)
       ON CONFLICT (client_id) DO UPDATE SET scope_fingerprint = EXCLUDED.scope_fingerprint, updated_at = EXCLUDED.updated_at`,
      [clientKey, session.account.id, fingerprint, now],
    );
  }
}

/** `GET /api/v1/sync/pull`, the query already validated (pullQuerySchema). */
export async function handlePull(deps: PullDeps, session: Session, q: PullQuery): Promise<PullResponse> {
  const now = deps.now();
  const scopes = scopesOf(session.account);
  const { db } = deps;
  await checkScopeUnchanged(
    db,
    session,
    q.clientId ?? `device:${session.deviceId}:${session.account.id}`,
    scopeFingerprint(scopes),
    q.cursor,
    now,
  );

  // Everything up to the committed counter value is committed (writers hold the counter row
  // until they commit), so the page can end there and the cursor can jump over changes of
  // other scopes without ever stepping past a commit still in flight.
  const [settings] = await db.query<{ head: unknown; horizon: string }>(
    `SELECT (SELECT value FROM counters WHERE name = 'change_seq') AS head,
            (SELECT value FROM server_settings WHERE key = 'tombstone_horizon_seq') AS horizon`,
  );
  const head = toNumber(settings?.head);
  const horizon = Number(settings?.horizon ?? 0);
  if (q.cursor > head) throw new ApiError('must_refetch', 'the server does not know this cursor (its data was restored or replaced)');
  if (q.cursor > 0 && q.cursor < horizon)
    throw new ApiError('must_refetch', 'this device has not synced for too long; the local data will be downloaded again');

  const params: SqlParam[] = [q.cursor, head, q.limit + 1];
  const where = `(${scopeCondition('c.station_code', scopes, params)} OR ${scopeCondition('c.old_station_code', scopes, params)})`;
  const records = await db.query<ChangeRecord>(
    `SELECT c.seq, c.table_name, c.row_id, r.rev, r.deleted, r.station_code, r.data
     FROM changes c JOIN rows r ON r.table_name = c.table_name AND r.row_id = c.row_id
     WHERE c.seq > $1 AND c.seq <= $2 AND ${where}
     ORDER BY c.seq LIMIT $3`,
    params,
  );
  const hasMore = records.length > q.limit;
  const page = hasMore ? records.slice(0, q.limit) : records;
  const cursor = hasMore ? toNumber(page[page.length - 1]!.seq) : head;

  // Each change is answered with the row as it is now; a row changed twice in the page is
  // sent once, at the position of its last change.
  const latest = new Map<string, Change>();
  for (const r of page) {
    const key = `${r.table_name}\u0000${r.row_id}`;
    latest.delete(key);
    const visible = !r.deleted && inScope(r.station_code, scopes);
    // A first sync has nothing to delete: tombstones and departures are left out.
    if (!visible && q.cursor === 0) continue;
    latest.set(
      key,
      visible
        ? { table: r.table_name, rowId: r.row_id, rev: r.rev, op: 'upsert', row: r.data }
        : { table: r.table_name, rowId: r.row_id, rev: r.rev, op: 'delete', row: null },
    );
  }

  const remaining = hasMore ? await remainingAfter(db, scopes, { from: q.cursor, to: cursor, head, pageRows: page.length }) : 0;
  return { changes: [...latest.values()], cursor, hasMore, remaining, serverTime: now.toISOString() };
}

/**
 * `remaining` for a page that has more after it. On the first page of a first sync (cursor 0:
 * the one the progress bar is drawn from) it is an exact count. Counting on every page cost a
 * scan of everything still to come, page after page (about 300 ms a page at district scale,
 * quadratic over a bootstrap), so later pages carry an estimate instead, at no query: the
 * page's density of in-scope changes (rows over the seq span it covered) times the seq span
 * still to go. The client takes its total from the first page of a round and completes the
 * bar on the last page, so an estimate only shapes the bar of a resumed or delta pull.
 */
async function remainingAfter(
  db: Db,
  scopes: readonly string[],
  p: { from: number; to: number; head: number; pageRows: number },
): Promise<number> {
  if (p.from === 0) {
    const params: SqlParam[] = [p.to, p.head];
    const where = `(${scopeCondition('station_code', scopes, params)} OR ${scopeCondition('old_station_code', scopes, params)})`;
    const [row] = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM changes WHERE seq > $1 AND seq <= $2 AND ${where}`, params);
    return toNumber(row?.n ?? 0);
  }
  return estimateRemaining(p);
}

/** In-scope changes per seq over the page, times the seqs left; at least 1 (there is more). */
export function estimateRemaining(p: { from: number; to: number; head: number; pageRows: number }): number {
  const span = p.to - p.from;
  const density = span > 0 ? Math.min(1, p.pageRows / span) : 1;
  return Math.max(1, Math.round(density * (p.head - p.to)));
}
