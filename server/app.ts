import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { apiRoutes } from '../shared/api/routes';
import type { HealthResponse } from '../shared/sync/protocol';
import { MAX_PUSH_BODY_BYTES, PROTOCOL_VERSION } from '../shared/sync/protocol';
import type { LoginLimits } from './auth/loginRoutes';
import { DEFAULT_LOGIN_LIMITS, registerAuthRoutes } from './auth/loginRoutes';
import type { StorageGuardOptions } from './db/storageGuard';
import { guardDb } from './db/storageGuard';
import { registerConflictRoutes } from './conflicts/conflictRoutes';
import { registerReviewRoutes } from './review/reviewRoutes';
import type { Db } from './db/db';
import { ApiError, errorBody, handleError } from './errors';
import { handlePull } from './sync/pullHandler';
import { handlePush, SUPPORTED_SCHEMA_VERSIONS } from './sync/pushHandler';
import { registerRoute } from './registerRoute';
import type { BlobStore } from './attachments/blobStore';
import { registerAttachmentRoutes } from './attachments/attachmentRoutes';
import { registerUploadRoutes } from './attachments/uploads';

export interface ServerOptions {
  /** A migrated database (see openServerDb). */
  db: Db;
  /** The server's clock; tests move it to expire tokens or to cure a clock skew. */
  now?: () => Date;
  /** MAX_PUSH_BODY_BYTES (5 MB), the size the client cuts its push batches to; lower only in tests. */
  bodyLimit?: number;
  /** Defaults: DEFAULT_LOGIN_LIMITS. */
  loginLimits?: Partial<LoginLimits>;
  maxClockDriftMs?: number;
  /** Fastify logging (JSON lines on stdout, or to `stream`); off in tests. Passwords and tokens are redacted either way. */
  logger?: boolean | { stream: NodeJS.WritableStream };
  /** Fastify's trustProxy (see ServerConfig.trustProxy): who may set X-Forwarded-For. */
  trustProxy?: boolean | number | string[];
  /** Bounded waits on the database and what to do once it is unusable (see storageGuard.ts). */
  storage?: StorageGuardOptions;
  /** Attachment bytes (issue 15): the blob store and the folder where unfinished uploads wait (attachmentStorage.ts). */
  attachments: { blobs: BlobStore; uploadDir: string };
  /** Told of every route as it is registered (the route-table test compares them with shared/api/routes.ts). */
  onRoute?: (route: { method: string; url: string }) => void;
}

export const DEFAULT_BODY_LIMIT = MAX_PUSH_BODY_BYTES;

export async function readServerId(db: Db): Promise<string> {
  const [row] = await db.query<{ value: string }>("SELECT value FROM server_settings WHERE key = 'server_id'");
  if (!row) throw new Error('the database has no server_id: was it migrated?');
  return row.value;
}

/** A hop count as the function Fastify's types ask for (trust the nearest `n` proxies). */
function trustProxyOption(v: boolean | number | string[] | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof v === 'number') return (_address, hop) => hop < v;
  return v ?? false;
}

/** Health answers within this even when the database does not. */
const HEALTH_TIMEOUT_MS = 5_000;

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  // Every route reaches the database through the guard: bounded waits, 503 once it is unusable.
  const storage = guardDb(opts.db, opts.storage);
  const { db } = storage;
  const now = opts.now ?? (() => new Date());
  const serverId = await readServerId(db);
  const redact = ['req.headers.authorization', 'req.body.password'];
  const app = Fastify({
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOption(opts.trustProxy),
    logger: opts.logger ? { redact, level: 'info', ...(typeof opts.logger === 'object' ? { stream: opts.logger.stream } : {}) } : false,
  });
  const { onRoute } = opts;
  if (onRoute) {
    app.addHook('onRoute', (r) => {
      for (const method of Array.isArray(r.method) ? r.method : [r.method]) onRoute({ method, url: r.url });
    });
  }
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  // Health says whether the database answers, within HEALTH_TIMEOUT_MS: 503 storage_unavailable
  // once the guard has given it up (the process is about to exit) or when it does not answer.
  registerRoute(app, apiRoutes.health, { db, now }, async (): Promise<HealthResponse> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new ApiError('storage_unavailable', 'the database did not answer the health check in time');
        err.retryAfterSeconds = 30;
        reject(err);
      }, HEALTH_TIMEOUT_MS);
    });
    try {
      await Promise.race([db.query('SELECT 1'), late]);
    } finally {
      clearTimeout(timer);
    }
    return {
      ok: true,
      serverId,
      serverTime: now().toISOString(),
      protocolVersion: PROTOCOL_VERSION,
      schemaVersions: [...SUPPORTED_SCHEMA_VERSIONS],
    };
  });

  registerAuthRoutes(app, { db, now, serverId, limits: { ...DEFAULT_LOGIN_LIMITS, ...opts.loginLimits } });

  registerRoute(app, apiRoutes.push, { db, now }, ({ session, body }) =>
    handlePush({ db, now, maxClockDriftMs: opts.maxClockDriftMs }, session, body),
  );
  registerRoute(app, apiRoutes.pull, { db, now }, ({ session, query }) => handlePull({ db, now }, session, query));

  registerConflictRoutes(app, { db, now });
  registerReviewRoutes(app, { db, now });
  registerAttachmentRoutes(app, { db, now, blobs: opts.attachments.blobs });
  registerUploadRoutes(app, { db, now, ...opts.attachments });

  await app.after();
  return app;
}
