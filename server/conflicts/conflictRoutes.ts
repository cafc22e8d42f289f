import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '../../shared/domain/enums';
import { apiRoutes } from '../../shared/api/routes';
import type { ConflictResolution, ConflictsListResponse, ConflictsQuery, ResolveConflictResponse } from '../../shared/sync/conflictsApi';
import type { Session } from '../auth/tokens';
import type { Db } from '../db/db';
import { ApiError } from '../errors';
import { registerRoute } from '../registerRoute';
import { scopesOf } from '../scope';
import { findConflict, listConflicts, lockConflict, markResolved } from './conflictStore';

export interface ConflictRouteDeps {
  db: Db;
  now: () => Date;
}

/** Who reviews conflicts: those who answer for a district (or the city). */
export const CONFLICT_REVIEWER_ROLES: readonly StaffRole[] = ['district_supervisor', 'city_admin'];

export function requireReviewer(session: Session): void {
  if (!CONFLICT_REVIEWER_ROLES.includes(session.account.role)) {
    throw new ApiError('forbidden_role', 'only district supervisors and the city administrator review conflicts');
  }
}

/** The query already validated (conflictsQuerySchema), the role checked (requireReviewer). */
export async function handleListConflicts(deps: ConflictRouteDeps, session: Session, q: ConflictsQuery): Promise<ConflictsListResponse> {
  const conflicts = await listConflicts(deps.db, scopesOf(session.account), q.status, q.limit);
  return { conflicts, serverTime: deps.now().toISOString() };
}

/**
 * Marks a conflict resolved. The value itself is not touched here: restoring the loser is an
 * ordinary synced edit the client pushes. Same resolution again: answered as it stands
 * (`alreadyResolved`), so a retry is harmless; a different one: 409 `conflict`.
 */
export async function handleResolveConflict(
  deps: ConflictRouteDeps,
  session: Session,
  id: number,
  resolution: ConflictResolution,
): Promise<ResolveConflictResponse> {
  const scopes = scopesOf(session.account);
  const now = deps.now();
  const alreadyResolved = await deps.db.transaction(async (tx) => {
    const current = await lockConflict(tx, id, scopes);
    if (!current) throw new ApiError('not_found', `no conflict ${id} in your scope`);
    if (current.resolution === resolution) return true;
    if (current.resolution !== null) {
      throw new ApiError('conflict', `conflict ${id} is already resolved (${current.resolution})`);
    }
    await markResolved(tx, id, current.field, resolution, { accountId: session.account.id, deviceId: session.deviceId }, now);
    return false;
  });
  const conflict = await findConflict(deps.db, id, scopes);
  if (!conflict) throw new ApiError('not_found', `no conflict ${id} in your scope`);
  return { conflict, alreadyResolved };
}

/** `GET /api/v1/conflicts`, `POST /api/v1/conflicts/:id/resolve`. */
export function registerConflictRoutes(app: FastifyInstance, deps: ConflictRouteDeps): void {
  registerRoute(app, apiRoutes.conflicts, deps, ({ session, query }) => handleListConflicts(deps, session, query), {
    allow: requireReviewer,
  });
  registerRoute(
    app,
    apiRoutes.resolveConflict,
    deps,
    ({ session, params, body }) => handleResolveConflict(deps, session, params.id, body.resolution),
    {
      allow: requireReviewer,
    },
  );
}
