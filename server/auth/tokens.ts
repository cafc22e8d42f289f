import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';
import { ApiError } from '../errors';
import type { Account, AccountRow } from './accounts';
import { toAccount } from './accounts';

/** Long enough for a supervisor who syncs weekly and travels; logout or a reset revokes it. */
export const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Only the hash is stored: a leaked database does not hand out sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(
  db: Queryable,
  accountId: string,
  deviceId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
  await db.query('INSERT INTO tokens (token_hash, account_id, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    hashToken(token),
    accountId,
    deviceId,
    now,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export interface Session {
  account: Account;
  deviceId: string;
  tokenHash: string;
}

/** The caller behind an `Authorization: Bearer …` header, or 401 unauthorized. */
export async function authenticate(db: Queryable, authorization: string | undefined, now: Date): Promise<Session> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
  if (!m) throw new ApiError('unauthorized', 'sign in first');
  const tokenHash = hashToken(m[1]!);
  // One query for the token and its account: every request of every device passes here.
  const rows = await db.query<AccountRow & { device_id: string; expires_at: Date; revoked_at: Date | null }>(
    `SELECT a.id, a.username, a.name, a.role, a.station_code, a.disabled, t.device_id, t.expires_at, t.revoked_at
     FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  const t = rows[0];
  if (!t || t.revoked_at !== null) throw new ApiError('unauthorized', 'the session has ended; sign in again');
  if (t.expires_at.getTime() <= now.getTime()) throw new ApiError('unauthorized', 'the session has expired; sign in again');
  if (t.disabled) throw new ApiError('unauthorized', 'the account is disabled');
  const account = toAccount(t);
  return { account, deviceId: t.device_id, tokenHash };
}

export async function revokeToken(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.query('UPDATE tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now]);
}
