import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody, ErrorCode } from '../shared/sync/protocol';

/** An error a client can act on: a stable code from the protocol and an HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
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
  if (!r.success) throw new ApiError(400, 'validation_failed', describeZodError(r.error));
  return r.data;
}

/** Fastify's own errors come with codes of their own; map them onto the protocol's. */
function fromFastify(e: FastifyError): ApiError | null {
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) return new ApiError(413, 'payload_too_large', 'the request body is too large');
  if (e.statusCode === 429) return new ApiError(429, 'rate_limited', 'too many requests; try again later');
  if (e.statusCode === 415) return new ApiError(415, 'validation_failed', 'send JSON (content-type: application/json)');
  if (e.statusCode === 400) return new ApiError(400, 'validation_failed', e.message);
  return null;
}

export function handleError(e: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const api = e instanceof ApiError ? e : fromFastify(e as FastifyError);
  if (api) {
    void reply.code(api.status).send(errorBody(api.code, api.message));
    return;
  }
  // The detail goes to the log (never the body: it may hold SQL or row data), not to the client.
  req.log.error({ err: e }, 'unhandled error');
  void reply.code(500).send(errorBody('internal', 'internal server error'));
}
