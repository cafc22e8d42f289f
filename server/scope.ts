import { createHash } from 'node:crypto';
import { isInAnyScope } from '../shared/stations/tree';
import type { Account } from './auth/accounts';
import type { SqlParam } from './db/db';

/**
 * Scope rule: an account sees its own station and everything below it, whatever its role.
 * The city administrator sits at `4403` (the city), a district supervisor at the district,
 * a caseworker or dedicated staff member at the station that employs them (a street or a
 * community): a community caseworker sees only their community, a street caseworker the
 * whole street. The account's station is read on every request, so `set-station` takes
 * effect at once and the devices of that account must refetch (see scopeFingerprint).
 */
export function scopesOf(account: Pick<Account, 'stationCode'>): string[] {
  return [account.stationCode];
}

export function inScope(stationCode: string, scopes: readonly string[]): boolean {
  return isInAnyScope(stationCode, scopes);
}

/** Identifies a set of scopes; a cursor issued under another fingerprint is no longer valid. */
export function scopeFingerprint(scopes: readonly string[]): string {
  return createHash('sha256')
    .update([...scopes].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/**
 * SQL for "column starts with one of the scopes" as btree ranges: station codes are digits and
 * `DP`, all below `~` in the C collation, so prefix p is the range [p, p~).
 */
export function scopeCondition(column: string, scopes: readonly string[], params: SqlParam[]): string {
  if (scopes.length === 0) return 'false';
  return `(${scopes
    .map((p) => {
      params.push(p, `${p}~`);
      return `(${column} >= $${params.length - 1} AND ${column} < $${params.length})`;
    })
    .join(' OR ')})`;
}
