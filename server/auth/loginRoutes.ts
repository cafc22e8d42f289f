import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes';
import type { LoginResponse } from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import { ApiError } from '../errors';
import { registerRoute } from '../registerRoute';
import { scopesOf } from '../scope';
import { findAccountByUsername } from './accounts';
import { normalizeUsername } from './credentialPolicy';
import type { LoginLimits } from './loginLimits';
import { clearAccount, pruneLimits, reserve } from './loginLimits';
import { dummyHash, verifyPassword } from './password';
import { issueToken, revokeToken } from './tokens';

export type { LoginLimits } from './loginLimits';
export { DEFAULT_LOGIN_LIMITS } from './loginLimits';

export interface AuthRouteDeps {
  db: Db;
  now: () => Date;
  serverId: string;
  limits: LoginLimits;
}

function rateLimited(retryAt: Date, at: Date): ApiError {
  const err = new ApiError('rate_limited', 'too many sign-in attempts; wait and try again');
  err.retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - at.getTime()) / 1000));
  return err;
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { db, now, limits } = deps;

  registerRoute(app, apiRoutes.login, deps, async ({ req, body }): Promise<LoginResponse> => {
    const at = now();
    const username = normalizeUsername(body.username);
    // Both limits live in the database (one upsert each, before the password check), so parallel
    // guesses cannot all slip past a count read earlier, and every server process shares them.
    // `req.ip` is the client behind a reverse proxy only when TRUST_PROXY names that proxy.
    const ip = await reserve(db, 'ip', req.ip, limits.maxPerIp, limits.ipWindowMs, at);
    if (!ip.allowed) throw rateLimited(ip.retryAt, at);
    // Per account, whatever the IP: failures from many addresses add up. The attempt is counted
    // before the scrypt and the count is cleared only by a successful sign-in.
    const attempt = await reserve(db, 'account', username, limits.maxFailures, limits.windowMs, at);
    if (!attempt.allowed) throw rateLimited(attempt.retryAt, at);
    const account = await findAccountByUsername(db, username);
    const ok = account
      ? await verifyPassword(body.password, account.password)
      : (await verifyPassword(body.password, await dummyHash()), false);
    if (!account || !ok || account.disabled) {
      await pruneLimits(db, new Date(at.getTime() - Math.max(limits.windowMs, limits.ipWindowMs)));
      throw new ApiError('unauthorized', 'wrong username or password');
    }
    await clearAccount(db, username);
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

  registerRoute(app, apiRoutes.logout, deps, async ({ session }) => {
    await revokeToken(db, session.tokenHash, now());
    return { ok: true as const };
  });
}
