import type { EntityTable } from '../../shared/domain/schemas';
import { decodeHlc } from '../../shared/sync/hlc';
import type { ConflictEntry, ConflictParty, ConflictResolution, ConflictStatusFilter } from '../../shared/sync/conflictsApi';
import type { Queryable, SqlParam } from '../db/db';
import { toNumber } from '../db/db';
import { scopeCondition } from '../scope';

/** A conflicts row joined with the accounts behind both sides and the resolver. */
interface ConflictRow {
  id: unknown;
  table_name: EntityTable;
  row_id: string;
  station_code: string;
  field: string;
  winner_value: unknown;
  loser_value: unknown;
  winner_hlc: string;
  loser_hlc: string;
  winner: 'client' | 'server';
  client_id: string;
  account_id: string;
  created_at: Date;
  resolved_at: Date | null;
  resolution: ConflictResolution | null;
  resolved_by: string | null;
  pusher_name: string | null;
  other_client_id: string;
  other_account_id: string | null;
  other_name: string | null;
  resolver_name: string | null;
}

/**
 * The pushing client is recorded with its account; the other side is the client that wrote the
 * server's value, known from its HLC's node (`<16 digits>-<4 hex>-<node>`: the node starts at
 * character 23), whose account is in client_state.
 */
const SELECT_CONFLICTS = `
  SELECT c.id, c.table_name, c.row_id, c.station_code, c.field, c.winner_value, c.loser_value,
         c.winner_hlc, c.loser_hlc, c.winner, c.client_id, c.account_id, c.created_at,
         c.resolved_at, c.resolution, c.resolved_by,
         pa.name AS pusher_name,
         o.client_id AS other_client_id, oa.id AS other_account_id, oa.name AS other_name,
         ra.name AS resolver_name
  FROM conflicts c
  CROSS JOIN LATERAL (SELECT substr(CASE WHEN c.winner = 'client' THEN c.loser_hlc ELSE c.winner_hlc END, 23) AS client_id) o
  LEFT JOIN accounts pa ON pa.id = c.account_id
  LEFT JOIN client_state ocs ON ocs.client_id = o.client_id
  LEFT JOIN accounts oa ON oa.id = ocs.account_id
  LEFT JOIN accounts ra ON ra.id = c.resolved_by`;

function editedAt(hlc: string): string | null {
  const h = decodeHlc(hlc);
  return h === null ? null : new Date(h.millis).toISOString();
}

function toEntry(r: ConflictRow): ConflictEntry {
  const pusher: Omit<ConflictParty, 'hlc' | 'editedAt'> = {
    side: 'client',
    clientId: r.client_id,
    accountId: r.account_id,
    accountName: r.pusher_name,
  };
  const other: Omit<ConflictParty, 'hlc' | 'editedAt'> = {
    side: 'server',
    clientId: r.other_client_id,
    accountId: r.other_account_id,
    accountName: r.other_name,
  };
  const [winner, loser] = r.winner === 'client' ? [pusher, other] : [other, pusher];
  return {
    id: toNumber(r.id),
    table: r.table_name,
    rowId: r.row_id,
    stationCode: r.station_code,
    field: r.field,
    winnerValue: r.winner_value,
    loserValue: r.loser_value,
    winner: { ...winner, hlc: r.winner_hlc, editedAt: editedAt(r.winner_hlc) },
    loser: { ...loser, hlc: r.loser_hlc, editedAt: editedAt(r.loser_hlc) },
    createdAt: r.created_at.toISOString(),
    status: r.resolved_at === null ? 'open' : 'resolved',
    resolution: r.resolution,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by === null ? null : { accountId: r.resolved_by, name: r.resolver_name },
  };
}

/** The conflicts of rows whose station (when the conflict happened) is in scope, newest first. */
export async function listConflicts(
  db: Queryable,
  scopes: readonly string[],
  status: ConflictStatusFilter,
  limit: number,
): Promise<ConflictEntry[]> {
  const params: SqlParam[] = [];
  const where = [scopeCondition('c.station_code', scopes, params)];
  if (status === 'open') where.push('c.resolved_at IS NULL');
  if (status === 'resolved') where.push('c.resolved_at IS NOT NULL');
  params.push(limit);
  const rows = await db.query<ConflictRow>(
    `${SELECT_CONFLICTS} WHERE ${where.join(' AND ')} ORDER BY c.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEntry);
}

/** One conflict in scope, or null (unknown and out-of-scope ids look the same). */
export async function findConflict(db: Queryable, id: number, scopes: readonly string[]): Promise<ConflictEntry | null> {
  const params: SqlParam[] = [id];
  const rows = await db.query<ConflictRow>(
    `${SELECT_CONFLICTS} WHERE c.id = $1 AND ${scopeCondition('c.station_code', scopes, params)}`,
    params,
  );
  return rows[0] ? toEntry(rows[0]) : null;
}

/**
 * Locks the conflict row for the rest of the transaction, so two supervisors resolving at once
 * take turns; returns its current resolution, or undefined when there is none in scope.
 */
export async function lockConflict(
  tx: Queryable,
  id: number,
  scopes: readonly string[],
): Promise<{ resolution: ConflictResolution | null; field: string } | undefined> {
  const params: SqlParam[] = [id];
  const rows = await tx.query<{ resolution: ConflictResolution | null; field: string }>(
    `SELECT resolution, field FROM conflicts WHERE id = $1 AND ${scopeCondition('station_code', scopes, params)} FOR UPDATE`,
    params,
  );
  return rows[0];
}

export interface Resolver {
  accountId: string;
  deviceId: string;
}

/** Marks the conflict resolved and writes the audit entry (see migration 002). */
export async function markResolved(
  tx: Queryable,
  id: number,
  field: string,
  resolution: ConflictResolution,
  by: Resolver,
  now: Date,
): Promise<void> {
  await tx.query('UPDATE conflicts SET resolved_at = $2, resolution = $3, resolved_by = $4, resolved_device_id = $5 WHERE id = $1', [
    id,
    now,
    resolution,
    by.accountId,
    by.deviceId,
  ]);
  await tx.query(
    `INSERT INTO audit_log (account_id, device_id, client_id, mutation_id, at, table_name, row_id, op, fields, rev, seq)
     VALUES ($1, $2, NULL, NULL, $3, 'conflicts', $4, $5, $6::jsonb, 0, 0)`,
    [by.accountId, by.deviceId, now, String(id), `resolve_${resolution}`, JSON.stringify([field])],
  );
}

/**
 * How many decided conflicts the log keeps per row and field: the newest. A field two devices
 * keep fighting over (or a client pushing on purpose) cannot grow the log without bound, and
 * a supervisor reviewing it needs the latest disagreements, not the whole history.
 */
export const MAX_CONFLICTS_PER_FIELD = 20;

/** One field a merge decided, as the conflict log stores it (values already validated by the push). */
export interface NewConflict {
  table: EntityTable;
  rowId: string;
  stationCode: string;
  field: string;
  winnerValue: unknown;
  loserValue: unknown;
  winnerHlc: string;
  loserHlc: string;
  winner: 'client' | 'server';
  clientId: string;
  accountId: string;
  mutationId: string;
}

/** Logs the conflicts of one mutation, then trims each of their fields to MAX_CONFLICTS_PER_FIELD. */
export async function recordConflicts(tx: Queryable, conflicts: readonly NewConflict[], now: Date): Promise<void> {
  for (const c of conflicts) {
    await tx.query(
      `INSERT INTO conflicts (table_name, row_id, station_code, field, winner_value, loser_value, winner_hlc, loser_hlc, winner,
         client_id, account_id, mutation_id, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13)`,
      [
        c.table,
        c.rowId,
        c.stationCode,
        c.field,
        JSON.stringify(c.winnerValue ?? null),
        JSON.stringify(c.loserValue ?? null),
        c.winnerHlc,
        c.loserHlc,
        c.winner,
        c.clientId,
        c.accountId,
        c.mutationId,
        now,
      ],
    );
    await tx.query(
      `DELETE FROM conflicts WHERE table_name = $1 AND row_id = $2 AND field = $3
         AND id <= (SELECT id FROM conflicts WHERE table_name = $1 AND row_id = $2 AND field = $3 ORDER BY id DESC OFFSET $4 LIMIT 1)`,
      [c.table, c.rowId, c.field, MAX_CONFLICTS_PER_FIELD],
    );
  }
}
