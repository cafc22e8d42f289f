import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import type { HealthResponse } from '../shared/sync/protocol';
import { MAX_PUSH_BODY_BYTES, PROTOCOL_VERSION } from '../shared/sync/protocol';
import type { LoginLimits } from './auth/loginRoutes';
import { DEFAULT_LOGIN_LIMITS, registerAuthRoutes } from './auth/loginRoutes';
import { authenticate } from './auth/tokens';
import { registerConflictRoutes } from './conflicts/conflictRoutes';
import { registerReviewRoutes } from './review/reviewRoutes';
import type { Db } from './db/db';
import { errorBody, handleError } from './errors';
import { handlePull } from './sync/pullHandler';
import { handlePush, SUPPORTED_SCHEMA_VERSIONS } from './sync/pushHandler';

export interface ServerOptions {
  /** A migrated database (see openServerDb). */
  db: Db;
  /** The server's clock; tests move it to expire tokens or to cure a clock skew. */
  now?: () => Date;
  /** MAX_PUSH_BODY_BYTES (5 MB), the size the client cuts its push batches to; lower only in tests. */
  bodyLimit?: number;
  loginLimits?: LoginLimits;
  maxClockDriftMs?: number;
  /** Fastify logging; off in tests. Passwords and tokens are redacted either way. */
  logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = MAX_PUSH_BODY_BYTES;

export async function readServerId(db: Db): Promise<string> {
  const [row] = await db.query<{ value: string }>("SELECT value FROM server_settings WHERE key = 'server_id'");
  if (!row) throw new Error('the database has no server_id: was it migrated?');
  return row.value;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const serverId = await readServerId(db);
  const app = Fastify({
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    logger: opts.logger
      ? { redact: ['req.headers.authorization', 'req.body.password'], level: 'info' }
      : false,
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  // A coarse per-IP flood guard; the per-username limit on failed sign-ins lives in the database.
  await app.register(rateLimit, { global: false });

  app.get('/api/v1/health', async (): Promise<HealthResponse> => {
    await db.query('SELECT 1');
    return { ok: true, serverId, serverTime: now().toISOString(), protocolVersion: PROTOCOL_VERSION, schemaVersions: [...SUPPORTED_SCHEMA_VERSIONS] };
  });

  registerAuthRoutes(app, { db, now, serverId, limits: opts.loginLimits ?? DEFAULT_LOGIN_LIMITS });

  app.post('/api/v1/sync/push', async (req) => {
    const session = await authenticate(db, req.headers.authorization, now());
    return handlePush({ db, now, maxClockDriftMs: opts.maxClockDriftMs }, session, req.body);
  });

  app.get('/api/v1/sync/pull', async (req) => {
    const session = await authenticate(db, req.headers.authorization, now());
    return handlePull({ db, now }, session, req.query);
  });

  registerConflictRoutes(app, { db, now });
  registerReviewRoutes(app, { db, now });

  return app;
}
