import type { Queryable } from '../db/db';
import { toNumber } from '../db/db';

export interface LoginLimits {
  /** Failed sign-ins per account (the normalised username, whatever the IP) within `windowMs`. */
  maxFailures: number;
  windowMs: number;
  /** Sign-in requests per client IP within `ipWindowMs`: a flood guard across usernames. */
  maxPerIp: number;
  ipWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  maxFailures: 5,
  windowMs: 15 * 60 * 1000,
  maxPerIp: 60,
  ipWindowMs: 60 * 1000,
};

export type LimitKind = 'account' | 'ip';

export interface Reservation {
  /** False when the limit was already reached: the attempt must not be checked. */
  allowed: boolean;
  /** When the current window ends (for Retry-After). */
  retryAt: Date;
}

/**
 * Counts one hit against `(kind, key)` and says whether it is within `max` for the current
 * fixed window, in ONE statement: concurrent sign-ins queue on the counter row, so each sees
 * the count including every attempt before it and at most `max` of them are ever let through
 * to the password check, whichever server process they reached. A window that has passed
 * restarts at this hit.
 */
export async function reserve(db: Queryable, kind: LimitKind, key: string, max: number, windowMs: number, at: Date): Promise<Reservation> {
  const since = new Date(at.getTime() - windowMs);
  const [row] = await db.query<{ hits: unknown; window_start: Date | string }>(
    `INSERT INTO login_limits AS l (kind, key, window_start, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (kind, key) DO UPDATE SET
       hits = CASE WHEN l.window_start <= $4 THEN 1 ELSE l.hits + 1 END,
       window_start = CASE WHEN l.window_start <= $4 THEN $3 ELSE l.window_start END
     RETURNING hits, window_start`,
    [kind, key, at, since],
  );
  if (!row) throw new Error('the login counter upsert returned no row');
  const start = new Date(row.window_start);
  return { allowed: toNumber(row.hits) <= max, retryAt: new Date(start.getTime() + windowMs) };
}

/** A successful sign-in clears the account's failures (the one who knows the password is back). */
export async function clearAccount(db: Queryable, username: string): Promise<void> {
  await db.query("DELETE FROM login_limits WHERE kind = 'account' AND key = $1", [username]);
}

/** Windows that ended before `before` count for nothing any more: keeps the table small. */
export async function pruneLimits(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM login_limits WHERE window_start <= $1', [before]);
}
