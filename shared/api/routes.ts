import type { z } from 'zod';
import { duplicateIdsResponseSchema, reviewQuerySchema, reviewResponseSchema } from '../review/api';
import {
  conflictIdParamsSchema,
  conflictsListResponseSchema,
  conflictsQuerySchema,
  resolveConflictRequestSchema,
  resolveConflictResponseSchema,
} from '../sync/conflictsApi';
import {
  healthResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  logoutResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../sync/protocol';
import { attachmentContentQuerySchema, attachmentIdParamsSchema, attachmentStatusResponseSchema } from '../attachments/api';
import { type ServerErrorCode, answers } from './errors';

/**
 * One route of the central server's HTTP API. The server registers it from here
 * (server/http/registerRoute.ts) and every client calls it through createApiClient
 * (./client.ts), so method, path, schemas and error statuses are written once.
 */
export interface ApiRoute {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** Fastify's syntax: `:id` is a path parameter, named in `params`. */
  readonly path: `/api/v1/${string}`;
  /** `session`: a bearer token from login, checked before the request is validated. */
  readonly auth: 'none' | 'session';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** Every error code the route can answer, with its HTTP status (see errors.ts). */
  readonly errors: Readonly<Partial<Record<ServerErrorCode, number>>>;
}

/** The name of each route is its key, checked by the compiler. */
function defineRoutes<const T extends { readonly [K in keyof T]: ApiRoute & { readonly name: K } }>(routes: T): T {
  return routes;
}

/** A request body that Fastify parses before the route runs: malformed JSON or too large. */
const BODY_ERRORS = ['validation_failed', 'payload_too_large'] as const;

export const apiRoutes = defineRoutes({
  health: {
    name: 'health',
    method: 'GET',
    path: '/api/v1/health',
    auth: 'none',
    response: healthResponseSchema,
    errors: answers(),
  },
  login: {
    name: 'login',
    method: 'POST',
    path: '/api/v1/auth/login',
    auth: 'none',
    body: loginRequestSchema,
    response: loginResponseSchema,
    errors: answers(...BODY_ERRORS, 'unauthorized', 'rate_limited'),
  },
  logout: {
    name: 'logout',
    method: 'POST',
    path: '/api/v1/auth/logout',
    auth: 'session',
    response: logoutResponseSchema,
    errors: answers(...BODY_ERRORS, 'unauthorized'),
  },
  push: {
    name: 'push',
    method: 'POST',
    path: '/api/v1/sync/push',
    auth: 'session',
    body: pushRequestSchema,
    response: pushResponseSchema,
    errors: answers(
      ...BODY_ERRORS,
      'protocol_version_unsupported',
      'schema_version_unsupported',
      'unauthorized',
      'forbidden_scope',
      'clock_skew',
    ),
  },
  pull: {
    name: 'pull',
    method: 'GET',
    path: '/api/v1/sync/pull',
    auth: 'session',
    query: pullQuerySchema,
    response: pullResponseSchema,
    errors: answers('validation_failed', 'unauthorized', 'forbidden_scope', 'must_refetch'),
  },
  conflicts: {
    name: 'conflicts',
    method: 'GET',
    path: '/api/v1/conflicts',
    auth: 'session',
    query: conflictsQuerySchema,
    response: conflictsListResponseSchema,
    errors: answers('validation_failed', 'unauthorized', 'forbidden_role'),
  },
  resolveConflict: {
    name: 'resolveConflict',
    method: 'POST',
    path: '/api/v1/conflicts/:id/resolve',
    auth: 'session',
    params: conflictIdParamsSchema,
    body: resolveConflictRequestSchema,
    response: resolveConflictResponseSchema,
    errors: answers(...BODY_ERRORS, 'unauthorized', 'forbidden_role', 'not_found', 'conflict'),
  },
  review: {
    name: 'review',
    method: 'GET',
    path: '/api/v1/review',
    auth: 'session',
    query: reviewQuerySchema,
    response: reviewResponseSchema,
    errors: answers('validation_failed', 'unauthorized', 'forbidden_role', 'forbidden_scope'),
  },
  attachmentStatus: {
    name: 'attachmentStatus',
    method: 'GET',
    path: '/api/v1/attachments/:id',
    auth: 'session',
    params: attachmentIdParamsSchema,
    response: attachmentStatusResponseSchema,
    errors: answers('validation_failed', 'unauthorized', 'forbidden_scope'),
  },
  duplicates: {
    name: 'duplicates',
    method: 'GET',
    path: '/api/v1/quality/duplicates',
    auth: 'session',
    response: duplicateIdsResponseSchema,
    errors: answers('unauthorized', 'forbidden_role'),
  },
});

/**
 * The routes whose bodies are bytes rather than JSON: attachment uploads through the tus
 * resumable-upload protocol (1.0.0, served by @tus/server; clients use tus-js-client) and the
 * download of an attachment's bytes. Errors are answered as JSON bodies like every route's.
 */
export interface StreamRoute {
  readonly name: string;
  readonly methods: readonly ('GET' | 'POST' | 'HEAD' | 'PATCH' | 'DELETE')[];
  readonly path: `/api/v1/${string}`;
  readonly auth: 'session';
  readonly protocol: 'tus' | 'bytes';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly errors: Readonly<Partial<Record<ServerErrorCode, number>>>;
}

function defineStreamRoutes<const T extends { readonly [K in keyof T]: StreamRoute & { readonly name: K } }>(routes: T): T {
  return routes;
}

export const streamRoutes = defineStreamRoutes({
  /** Creates an upload (POST, tus creation): `Upload-Length` and the metadata (uploadMetadataSchema). */
  uploadCreate: {
    name: 'uploadCreate',
    methods: ['POST'],
    path: '/api/v1/uploads',
    auth: 'session',
    protocol: 'tus',
    errors: answers('validation_failed', 'unauthorized', 'forbidden_scope', 'payload_too_large'),
  },
  /** An upload's offset (HEAD), its next bytes (PATCH), or its end (DELETE). */
  upload: {
    name: 'upload',
    methods: ['HEAD', 'PATCH', 'DELETE'],
    path: '/api/v1/uploads/:id',
    auth: 'session',
    protocol: 'tus',
    errors: answers('validation_failed', 'unauthorized', 'forbidden_scope', 'not_found', 'conflict'),
  },
  attachmentContent: {
    name: 'attachmentContent',
    methods: ['GET'],
    path: '/api/v1/attachments/:id/content',
    auth: 'session',
    protocol: 'bytes',
    params: attachmentIdParamsSchema,
    query: attachmentContentQuerySchema,
    errors: answers('validation_failed', 'unauthorized', 'forbidden_scope', 'not_found'),
  },
});

export type ApiRoutes = typeof apiRoutes;
export type RouteName = keyof ApiRoutes;
export type SessionRouteName = { [K in RouteName]: ApiRoutes[K]['auth'] extends 'session' ? K : never }[RouteName];
export type PublicRouteName = Exclude<RouteName, SessionRouteName>;

type InputOf<S> = S extends z.ZodType ? z.input<S> : unknown;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a client passes: path parameters and the body (POST) or query (GET), in one object. */
export type RouteInput<R extends ApiRoute> = InputOf<R['params']> & InputOf<R['body']> & InputOf<R['query']>;
/** The validated answer. */
export type RouteResponse<R extends ApiRoute> = z.output<R['response']>;
/** What the server's handler receives once the request is validated. */
export interface RouteRequest<R extends ApiRoute> {
  params: OutputOf<R['params']>;
  query: OutputOf<R['query']>;
  body: OutputOf<R['body']>;
}
