import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiRoute, RouteRequest, RouteResponse } from '../shared/api/routes';
import type { Session } from './auth/tokens';
import { authenticate } from './auth/tokens';
import type { Queryable } from './db/db';
import { ApiError, parseOr400 } from './errors';

export interface RouteDeps {
  db: Queryable;
  now: () => Date;
}

export type RouteHandlerInput<R extends ApiRoute> = RouteRequest<R> & { req: FastifyRequest } & (R['auth'] extends 'session'
    ? { session: Session }
    : unknown);

export interface RouteOptions {
  /** Run after authentication and before validation: a caller of the wrong role hears 403 whatever it sent. */
  allow?: (session: Session) => void;
}

function parsePart<S extends ApiRoute['body']>(schema: S, value: unknown): unknown {
  return schema ? parseOr400(schema, value) : undefined;
}

/**
 * Registers one route of the table (shared/api/routes.ts): its method and path, the bearer
 * token when the route takes a session, then params, query and body validated with the table's
 * schemas (400 `validation_failed`), in that order. An ApiError thrown by the handler is answered
 * with the table's status for its code.
 */
export function registerRoute<R extends ApiRoute>(
  app: FastifyInstance,
  route: R,
  deps: RouteDeps,
  handler: (input: RouteHandlerInput<R>) => Promise<RouteResponse<R>>,
  opts: RouteOptions = {},
): void {
  app.route({
    method: route.method,
    url: route.path,
    handler: async (req) => {
      try {
        let session: Session | undefined;
        if (route.auth === 'session') {
          session = await authenticate(deps.db, req.headers.authorization, deps.now());
          opts.allow?.(session);
        }
        const input = {
          req,
          session,
          params: parsePart(route.params, req.params),
          query: parsePart(route.query, req.query),
          body: parsePart(route.body, req.body),
        } as RouteHandlerInput<R>;
        return await handler(input);
      } catch (e) {
        if (e instanceof ApiError) {
          const status = route.errors[e.code];
          if (status === undefined)
            req.log.warn({ route: route.name, code: e.code }, 'the route answered a code the route table does not list');
          else if (status !== e.status) {
            const answered = new ApiError(e.code, e.message, status);
            answered.retryAfterSeconds = e.retryAfterSeconds;
            throw answered;
          }
        }
        throw e;
      }
    },
  });
}
