import { z } from 'zod';
import { syncTableSchema } from './protocol';

/**
 * The supervisors' conflict review (`/api/v1/conflicts`). A conflict is one field that a merge
 * decided (see merge.ts): the later HLC won, the other value was logged. A supervisor either
 * keeps the winner or restores the loser. Restoring is NOT done by the server: the client
 * writes the loser's value as an ordinary synced edit (push and merge like any change) and
 * then marks the conflict resolved.
 */
export const CONFLICT_RESOLUTIONS = ['keep_winner', 'restore_loser'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

export const CONFLICT_STATUSES = ['open', 'resolved', 'all'] as const;
export type ConflictStatusFilter = (typeof CONFLICT_STATUSES)[number];

export const DEFAULT_CONFLICTS_LIMIT = 200;
export const MAX_CONFLICTS_LIMIT = 1000;

/** `GET /api/v1/conflicts?status=open&limit=200` (query strings are text, hence coerce). */
export const conflictsQuerySchema = z.object({
  status: z.enum(CONFLICT_STATUSES).default('open'),
  limit: z.coerce.number<number>().int().positive().max(MAX_CONFLICTS_LIMIT).default(DEFAULT_CONFLICTS_LIMIT),
});
export type ConflictsQuery = z.infer<typeof conflictsQuerySchema>;

/** `/api/v1/conflicts/:id/resolve` */
export const conflictIdParamsSchema = z.object({ id: z.coerce.number<number>().int().positive() });

/** One side of a conflict: whose edit it was and when it was made (its HLC's wall clock). */
export const conflictPartySchema = z.object({
  /** `client`: the push that met the conflict; `server`: the value the server held. */
  side: z.enum(['client', 'server']),
  clientId: z.string(),
  /** Null when the client is unknown to this server (its state was purged). */
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  hlc: z.string(),
  /** When the edit was made on its device (ISO), from the HLC; null for a malformed HLC. */
  editedAt: z.string().nullable(),
});
export type ConflictParty = z.infer<typeof conflictPartySchema>;

export const conflictSchema = z.object({
  id: z.number().int().positive(),
  table: syncTableSchema,
  rowId: z.string(),
  /** The row's station when the conflict happened (the scope it is listed under). */
  stationCode: z.string(),
  field: z.string(),
  winnerValue: z.unknown(),
  loserValue: z.unknown(),
  winner: conflictPartySchema,
  loser: conflictPartySchema,
  /** When the server merged (ISO). */
  createdAt: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(CONFLICT_RESOLUTIONS).nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.object({ accountId: z.string(), name: z.string().nullable() }).nullable(),
});
export type ConflictEntry = z.infer<typeof conflictSchema>;

export const conflictsListResponseSchema = z.object({
  conflicts: z.array(conflictSchema),
  serverTime: z.string(),
});
export type ConflictsListResponse = z.infer<typeof conflictsListResponseSchema>;

export const resolveConflictRequestSchema = z.object({
  resolution: z.enum(CONFLICT_RESOLUTIONS),
});
export type ResolveConflictRequest = z.infer<typeof resolveConflictRequestSchema>;

/**
 * Resolving is idempotent: resolving again with the same resolution answers the stored
 * resolution with `alreadyResolved: true` (a retry after a lost answer is harmless); a
 * different resolution of a resolved conflict is 409 `conflict`.
 */
export const resolveConflictResponseSchema = z.object({
  conflict: conflictSchema,
  alreadyResolved: z.boolean(),
});
export type ResolveConflictResponse = z.infer<typeof resolveConflictResponseSchema>;
