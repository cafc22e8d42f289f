import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '../../shared/domain/enums';
import { todayInShanghai } from '../../shared/calendar/shanghai';
import { apiRoutes } from '../../shared/api/routes';
import type { DuplicateIdsResponse, ReviewQuery, ReviewResponse } from '../../shared/review/api';
import type { Session } from '../auth/tokens';
import type { Db } from '../db/db';
import { ApiError } from '../errors';
import { registerRoute } from '../registerRoute';
import { inScope, scopesOf } from '../scope';
import { duplicateIdsQuery } from './duplicatesQuery';
import { reviewFromSql } from './reviewSql';

export interface ReviewRouteDeps {
  db: Db;
  now: () => Date;
}

/**
 * The review is the district's (and the city's) weekly account: caseworkers and dedicated
 * staff get 403 `forbidden_role`, even for their own station (their own screens show that).
 */
export const REVIEWER_ROLES: readonly StaffRole[] = ['district_supervisor', 'city_admin'];

function requireReviewer(session: Session): void {
  if (!REVIEWER_ROLES.includes(session.account.role)) {
    throw new ApiError('forbidden_role', 'only district supervisors and the city administrator see the review');
  }
}

/** The query already validated (reviewQuerySchema), the role checked (requireReviewer). */
export async function handleReview(deps: ReviewRouteDeps, session: Session, q: ReviewQuery): Promise<ReviewResponse> {
  const scopes = scopesOf(session.account);
  const station = q.station ?? session.account.stationCode;
  if (!inScope(station, scopes)) throw new ApiError('forbidden_scope', `station ${station} is outside your scope`);
  const now = deps.now();
  const review = await reviewFromSql(deps.db, { scope: station, week: q.week, today: todayInShanghai(now) });
  return { ...review, serverTime: now.toISOString() };
}

export async function handleDuplicates(deps: ReviewRouteDeps, session: Session): Promise<DuplicateIdsResponse> {
  return duplicateIdsQuery(deps.db, scopesOf(session.account));
}

/** `GET /api/v1/review`, `GET /api/v1/quality/duplicates`. */
export function registerReviewRoutes(app: FastifyInstance, deps: ReviewRouteDeps): void {
  registerRoute(app, apiRoutes.review, deps, ({ session, query }) => handleReview(deps, session, query), { allow: requireReviewer });
  registerRoute(app, apiRoutes.duplicates, deps, ({ session }) => handleDuplicates(deps, session), { allow: requireReviewer });
}
