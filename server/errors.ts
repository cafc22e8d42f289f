import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ERROR_STATUS, type ServerErrorCode } from '../shared/api/errors';
import type { ErrorBody, ErrorCode } from '../shared/sync/protocol';
import { StorageUnavailableError } from './db/storageGuard';

/**
 * An error a client can act on: a stable code from the protocol. Its HTTP status is the
 * route table's for the code (shared/api/errors.ts); only Fastify's own refusals before a
 * route runs (415) name another.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Sent as `Retry-After` (429 and 503). */
  retryAfterSeconds: number | null = null;
  readonly status: number;
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    status?: number,
  ) {
    super(message);
    this.status = status ?? ERROR_STATUS[code];
  }
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** "phones.0: phone_invalid; categories: category_required" (message codes are stable). */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** Parses a request part with a zod schema or answers 400 validation_failed. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError('validation_failed', describeZodError(r.error));
  return r.data;
}

/** Fastify's own errors come with codes of their own; map them onto the protocol's. */
function fromFastify(e: FastifyError): ApiError | null {
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413)
    return new ApiError('payload_too_large', 'the request body is too large');
  if (e.statusCode === 429) return new ApiError('rate_limited', 'too many requests; try again later');
  if (e.statusCode === 415) return new ApiError('validation_failed', 'send JSON (content-type: application/json)', 415);
  if (e.statusCode === 400) return new ApiError('validation_failed', e.message);
  return null;
}

/** Fields of a database or Node error that name things (codes, tables, constraints), never values. */
const SAFE_FIELDS = ['code', 'errno', 'syscall', 'severity', 'routine', 'schema', 'table', 'column', 'dataType', 'constraint'] as const;

/**
 * What the log may say about an unexpected error: its class, codes and names and where it was
 * thrown, but not its message or detail. PostgreSQL puts row values into both ("Failing row
 * contains (…)", "Key (…)=(…) already exists", "invalid input syntax … \"13800138000\""), PGlite
 * attaches the statement's parameters (whole rows as JSON), and JSON.parse quotes its input.
 * Only the messages of plain programming errors (TypeError, RangeError, ReferenceError) are kept,
 * with anything quoted in them cut out.
 */
export function safeErrorLog(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { type: typeof e };
  const out: Record<string, unknown> = { type: e.name };
  const fields = e as unknown as Record<string, unknown>;
  for (const k of SAFE_FIELDS) {
    const v = fields[k];
    if ((typeof v === 'string' && v.length <= 64) || typeof v === 'number') out[k] = v;
  }
  if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) {
    out.message = e.message.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…').slice(0, 200);
  }
  // The stack without its first line, which repeats the message.
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  if (frames.length > 0) out.stack = frames.slice(0, 12).map((l) => l.trim());
  if (e.cause !== undefined) out.cause = safeErrorLog(e.cause);
  return out;
}

export function handleError(e: unknown, req: FastifyRequest, reply: FastifyReply): void {
  if (e instanceof StorageUnavailableError) {
    req.log.error({ reason: e.reason }, 'storage unavailable');
    void reply
      .code(503)
      .header('retry-after', '30')
      .send(errorBody('storage_unavailable', 'the server cannot use its database right now; it restarts itself, try again shortly'));
    return;
  }
  const api = e instanceof ApiError ? e : fromFastify(e as FastifyError);
  if (api) {
    if (api.retryAfterSeconds !== null) void reply.header('retry-after', String(api.retryAfterSeconds));
    void reply.code(api.status).send(errorBody(api.code, api.message));
    return;
  }
  // The detail goes to the log (never the body), and even there only codes and names: see safeErrorLog.
  req.log.error({ error: safeErrorLog(e) }, 'unhandled error');
  void reply.code(500).send(errorBody('internal', 'internal server error'));
}
