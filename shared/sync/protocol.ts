import { z } from 'zod';
import { ENTITY_TABLES } from '../domain/schemas';
import { STAFF_ROLE } from '../domain/enums';
import { hasUnstorableChars } from '../domain/primitives';

/** Sync protocol v1 (see README "Sync protocol"). */
export const PROTOCOL_VERSION = 1;
/** The data schema version of shared/domain; the server states which ones it accepts. */
export const SCHEMA_VERSION = 1;
export const MAX_PUSH_MUTATIONS = 500;
/**
 * The largest push request body, in bytes of its JSON (UTF-8): the server's body limit, and what
 * the client cuts its push batches to. 500 mutations with 5,000-character Chinese notes are
 * about 7.6 MB, so a batch is sized by bytes as well as by MAX_PUSH_MUTATIONS.
 */
export const MAX_PUSH_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_PULL_LIMIT = 5000;

export const ERROR_CODES = [
  'unauthorized',
  'forbidden_scope',
  /** The account's role may not use this route (conflict review is for supervisors and the city). */
  'forbidden_role',
  'validation_failed',
  'protocol_version_unsupported',
  'schema_version_unsupported',
  'clock_skew',
  'must_refetch',
  'rate_limited',
  'payload_too_large',
  'not_found',
  'conflict',
  'internal',
  /** The server cannot use its database (full disk, database down): it restarts itself; retry later. */
  'storage_unavailable',
  'network',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const syncTableSchema = z.enum(ENTITY_TABLES as [string, ...string[]]);

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;
/**
 * An identifier that the server stores in a text column (clientId, rowId, HLC, username,
 * deviceId): no control character and no lone surrogate. PostgreSQL refuses NUL and a lone
 * surrogate would be stored as U+FFFD, so the request is a 400 before it reaches the database.
 */
function identifier(min: number, max: number) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL_CHAR.test(s) && !hasUnstorableChars(s), { error: 'text_invalid_chars' });
}

export const mutationSchema = z.object({
  id: z.uuid(),
  seq: z.number().int().positive(),
  table: syncTableSchema,
  rowId: identifier(1, 64),
  op: z.enum(['upsert', 'delete']),
  /** Only the fields this edit changed (all of them for a new row). */
  fields: z.record(z.string(), z.unknown()),
  /** The server revision of the row the client edited; 0 for a row the client created. */
  baseRev: z.number().int().nonnegative(),
  hlc: identifier(22, 100),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  clientId: identifier(8, 64),
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const fieldConflictSchema = z.object({
  field: z.string(),
  /** The value that lost, kept in the conflict log for review. */
  loserValue: z.unknown(),
  winnerValue: z.unknown(),
  winner: z.enum(['client', 'server']),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/**
 * Why a mutation was rejected. Rejections are permanent: the server still advances the
 * client's lastSeq so one bad entry cannot wedge the outbox; the client keeps it for review.
 * `forbidden_scope` also answers "no such row" so that ids outside a scope reveal nothing.
 */
export const REJECT_REASONS = [
  'validation_failed',
  'forbidden_scope',
  'forbidden_role',
  'aid_not_deletable',
  /** Attachments, like aid, are withdrawn with a reason, never erased. */
  'attachment_not_deletable',
  'row_deleted',
  /** A seq at or below the client's lastSeq that another mutation already used (or that was skipped). */
  'seq_reused',
  /** A mutation id the server already answered, sent again with other content. */
  'mutation_id_reused',
  /** The HLC's node is not the pushing clientId: edits are attributed to the client whose clock stamped them. */
  'hlc_foreign_node',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const mutationResultSchema = z.object({
  id: z.string(),
  /** applied: on top of what the client had seen; merged: concurrent edits by others were merged. */
  status: z.enum(['applied', 'duplicate', 'merged', 'rejected']),
  /** A RejectReason; kept a string so an older client still reads a newer server's answer. */
  reason: z.string().optional(),
  /** For validation_failed: the failing fields and their message codes, e.g. `phones.0: phone_invalid`. */
  detail: z.string().optional(),
  rev: z.number().int().optional(),
  conflicts: z.array(fieldConflictSchema).optional(),
  /** Set on the answer to a replay (a retry after a lost answer): the verdict as first given. */
  replayed: z.literal(true).optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  lastSeq: z.number().int().nonnegative(),
  results: z.array(mutationResultSchema),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const changeSchema = z.object({
  table: syncTableSchema,
  rowId: z.string(),
  rev: z.number().int().positive(),
  op: z.enum(['upsert', 'delete']),
  /** The whole row after the change; null for a delete (a tombstone) or a row that left scope. */
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * Changes still to come after this page, for a progress bar on first sync: exact on the first
   * page from cursor 0, an estimate (no count query) on later pages.
   */
  remaining: z.number().int().nonnegative(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** `GET /api/v1/sync/pull?cursor=N&limit=L&clientId=C` (query strings are text, hence coerce; clients pass numbers). */
export const DEFAULT_PULL_LIMIT = 1000;
export const pullQuerySchema = z.object({
  cursor: z.coerce.number<number>().int().nonnegative().default(0),
  limit: z.coerce.number<number>().int().positive().max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** The pushing clientId; the server remembers the scopes its cursor was issued under. */
  clientId: identifier(8, 64).optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const loginRequestSchema = z.object({
  username: identifier(1, 64),
  password: z.string().min(1).max(200),
  deviceId: identifier(8, 64),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  role: z.enum(STAFF_ROLE.values),
  stationCode: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  user: sessionUserSchema,
  scopes: z.array(z.string()),
  serverId: z.string(),
  serverTime: z.string(),
  expiresAt: z.string(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const logoutResponseSchema = z.object({ ok: z.literal(true) });

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  serverId: z.string(),
  serverTime: z.string(),
  protocolVersion: z.number().int(),
  schemaVersions: z.array(z.number().int()),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
