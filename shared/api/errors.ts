import type { ErrorCode } from '../sync/protocol';

/** Codes the server answers with; `network` is the client's own (the request never got an answer). */
export type ServerErrorCode = Exclude<ErrorCode, 'network'>;

/**
 * The one HTTP status of each code, on every route. Clients read the code from the error body;
 * the status only decides when a body names none (a proxy's bare 502, an HTML page).
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  protocol_version_unsupported: 400,
  schema_version_unsupported: 400,
  unauthorized: 401,
  forbidden_role: 403,
  forbidden_scope: 403,
  not_found: 404,
  clock_skew: 409,
  must_refetch: 409,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  storage_unavailable: 503,
} as const satisfies Record<ServerErrorCode, number>;

export type ErrorStatusMap<C extends ServerErrorCode> = { readonly [K in C]: (typeof ERROR_STATUS)[K] };

/** What every route may answer: an unexpected failure, or a database the server cannot use. */
const ALWAYS = ['internal', 'storage_unavailable'] as const;

/**
 * The codes a route can answer, each with its status. List the route's own codes first: a
 * status with several codes (403, 409, 400) falls back to the first one listed.
 */
export function answers<const C extends readonly ServerErrorCode[]>(...codes: C): ErrorStatusMap<C[number] | (typeof ALWAYS)[number]> {
  const out: Partial<Record<ServerErrorCode, number>> = {};
  for (const c of [...codes, ...ALWAYS]) out[c] = ERROR_STATUS[c];
  return out as ErrorStatusMap<C[number] | (typeof ALWAYS)[number]>;
}
