import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '../../shared/sync/protocol';
import { loginRequestSchema } from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import { toNumber } from '../db/db';
import { ApiError, parseOr400 } from '../errors';
import { scopesOf } from '../scope';
import { findAccountByUsername } from './accounts';
import { dummyHash, verifyPassword } from './password';
import { authenticate, issueToken, revokeToken } from './tokens';

export interface LoginLimits {
  /** Failed attempts per username and IP within the window before login answers 429. */
  maxFailures: number;
  windowMs: number;
}
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

export interface AuthRouteDeps {
  db: Db;
  now: () => Date;
  serverId: string;
  limits: LoginLimits;
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { db, now } = deps;

  app.post('/api/v1/auth/login', { config: { rateLimit: { max: 60, timeWindow: 60_000 } } }, async (req): Promise<LoginResponse> => {
    const body = parseOr400(loginRequestSchema, req.body);
    const at = now();
    const username = body.username.trim().toLowerCase();
    // Failures are counted in the database, so a restart does not reset them and several
    // server processes on one PostgreSQL share them.
    const since = new Date(at.getTime() - deps.limits.windowMs);
    const [count] = await db.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM login_attempts WHERE username = $1 AND ip = $2 AND attempted_at > $3 AND NOT succeeded',
      [username, req.ip, since],
    );
    if (toNumber(count?.n ?? 0) >= deps.limits.maxFailures) {
      throw new ApiError(429, 'rate_limited', 'too many failed sign-ins; wait a quarter of an hour and try again');
    }
    const account = await findAccountByUsername(db, username);
    const ok = account
      ? await verifyPassword(body.password, account.password)
      : (await verifyPassword(body.password, await dummyHash()), false);
    if (!account || !ok || account.disabled) {
      await db.query('INSERT INTO login_attempts (username, ip, attempted_at, succeeded) VALUES ($1, $2, $3, false)', [username, req.ip, at]);
      // Attempts outside the window no longer count: keep the table small.
      await db.query('DELETE FROM login_attempts WHERE attempted_at <= $1', [since]);
      throw new ApiError(401, 'unauthorized', 'wrong username or password');
    }
    await db.query('DELETE FROM login_attempts WHERE username = $1 AND ip = $2', [username, req.ip]);
    const { token, expiresAt } = await issueToken(db, account.id, body.deviceId, at);
    return {
      token,
      user: { id: account.id, name: account.name, username: account.username, role: account.role, stationCode: account.stationCode },
      scopes: scopesOf(account),
      serverId: deps.serverId,
      serverTime: at.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  });

  app.post('/api/v1/auth/logout', async (req) => {
    const session = await authenticate(db, req.headers.authorization, now());
    await revokeToken(db, session.tokenHash, now());
    return { ok: true as const };
  });
}
