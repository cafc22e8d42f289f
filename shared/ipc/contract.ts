import { z } from 'zod';
import {
  MAX_PULL_LIMIT,
  loginRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  sessionUserSchema,
} from '../sync/protocol';
import {
  CONFLICT_RESOLUTIONS,
  CONFLICT_STATUSES,
  MAX_CONFLICTS_LIMIT,
  conflictsListResponseSchema,
  resolveConflictResponseSchema,
} from '../sync/conflictsApi';
import { MIN_BACKUP_PASSWORD_LENGTH } from '../backup/format';
import { duplicateIdsResponseSchema, reviewQuerySchema, reviewResponseSchema } from '../review/api';
import { ATTACHMENT_PARTS, attachmentStatusResponseSchema } from '../attachments/api';
import { MAX_PDF_BYTES } from '../attachments/limits';
import { uuid } from '../domain/primitives';
import type { IpcChannel, IpcEvent } from './channels';

/**
 * The one IPC contract: channel → request and response schemas. main validates every request
 * with it and every response before it leaves, so the renderer can trust the types and a
 * stray field (a token, say) is stripped rather than leaked.
 *
 * Requests are strict objects: an unknown key is a caller bug and gets `validation_failed`.
 */
const noArgs = z.strictObject({});
const noValue = z.null();

/** What the renderer learns about a session: never the token. */
export const sessionSchema = z.object({
  user: sessionUserSchema,
  scopes: z.array(z.string()),
  serverId: z.string(),
  /** When the server token runs out; after that sync needs an online sign-in again. */
  expiresAt: z.string().nullable(),
  /** False after an offline unlock for an account whose token is gone (logged out, expired). */
  canSync: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const AUTH_STATES = ['signed_out', 'locked', 'unlocked'] as const;
export type AuthState = (typeof AUTH_STATES)[number];

export const authStatusSchema = z.object({
  state: z.enum(AUTH_STATES),
  /** Only while unlocked: the lock screen shows no personal data. */
  session: sessionSchema.nullable(),
  /** Who to offer on the lock screen: the username only. */
  lastUsername: z.string().nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

/**
 * The local database's keys (32 bytes each, base64), released by main only while the session is
 * unlocked: the AES-GCM data key and the blind-index HMAC key. Main keeps them wrapped with
 * safeStorage; the renderer holds them only in the open database.
 */
const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
export const databaseKeysSchema = z.object({ dataKey: base64Key, blindIndexKey: base64Key });
export type DatabaseKeysPayload = z.infer<typeof databaseKeysSchema>;

export const unlockRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const pullRequestSchema = z.strictObject({
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(MAX_PULL_LIMIT),
  clientId: z.string().min(8).max(64).optional(),
});

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  electron: z.string(),
  chrome: z.string(),
  platform: z.string(),
  /** The central server main talks to (its origin), so the sign-in screen can tell a local demo server. */
  serverOrigin: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const LOCALE_VALUES = ['zh', 'en'] as const;
/** Minutes of inactivity before the window locks; the default is 10. */
export const AUTO_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const;

/** The supervisors' conflict review, through main's token like push and pull. */
export const conflictsListRequestSchema = z.strictObject({
  status: z.enum(CONFLICT_STATUSES),
  limit: z.number().int().positive().max(MAX_CONFLICTS_LIMIT).optional(),
});
export const conflictsResolveRequestSchema = z.strictObject({
  id: z.number().int().positive(),
  resolution: z.enum(CONFLICT_RESOLUTIONS),
});

/**
 * The daily backup of the signed-in account's local database into a folder the person chose.
 * Main keeps the folder and the backup password (sealed with safeStorage) per account; the
 * renderer hands over the snapshot it read, main encrypts it with that password and writes it.
 */
export const backupStatusSchema = z.object({
  enabled: z.boolean(),
  folder: z.string().nullable(),
  /** When the last scheduled backup was written (ISO), and its file name. */
  lastAt: z.string().nullable(),
  lastFile: z.string().nullable(),
  /** The code of the last failure, cleared by the next success. */
  lastError: z.string().nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupConfigureRequestSchema = z.discriminatedUnion('enabled', [
  z.strictObject({
    enabled: z.literal(true),
    folder: z.string().min(1).max(1024),
    password: z.string().min(MIN_BACKUP_PASSWORD_LENGTH).max(200),
  }),
  z.strictObject({ enabled: z.literal(false) }),
]);

export const backupSnapshotMetaSchema = z.strictObject({
  schemaVersion: z.number().int().positive(),
  databaseName: z.string().min(1).max(200),
  accountId: z.string().min(1).max(100),
  serverId: z.string().min(1).max(200),
  createdAt: z.string().min(1).max(40),
  outboxSeqFloor: z.number().int().nonnegative(),
});

export const backupWriteRequestSchema = z.strictObject({
  meta: backupSnapshotMetaSchema,
  /** Table order as the restore expects it. */
  tableOrder: z.array(z.string().min(1).max(60)).min(1).max(100),
  tables: z.record(z.string().min(1).max(60), z.array(z.unknown())),
});

/**
 * Attachment bytes (issue 15) through main, which holds the token: the renderer hands over a
 * part's bytes and main uploads them (tus, resuming a cut-off upload of the same part) or
 * fetches them. No part is larger than a PDF may be, so nothing larger crosses the bridge.
 */
const attachmentPart = z.enum(ATTACHMENT_PARTS);
const attachmentBytes = z
  .instanceof(Uint8Array<ArrayBufferLike>)
  .refine((b) => b.byteLength <= MAX_PDF_BYTES, { error: `at most ${MAX_PDF_BYTES} bytes` });
export const attachmentUploadRequestSchema = z.strictObject({ attachmentId: uuid, part: attachmentPart, bytes: attachmentBytes });
export const attachmentDownloadRequestSchema = z.strictObject({ id: uuid, part: attachmentPart });

/**
 * A desktop notification shown by main (the morning reminder, issue 16). Web content never has
 * the Notification permission (main/security.ts): it asks main, which shows it with Electron's
 * own Notification; a click focuses the window and sends `notifications:clicked`.
 */
export const notificationShowRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(1000),
});

interface ChannelSchemas {
  request: z.ZodType;
  response: z.ZodType;
}

export const IPC_CONTRACT = {
  'auth:login': { request: z.strictObject(loginRequestSchema.shape), response: sessionSchema },
  'auth:logout': { request: noArgs, response: noValue },
  'auth:unlock': { request: unlockRequestSchema, response: sessionSchema },
  'auth:lock': { request: noArgs, response: noValue },
  'auth:status': { request: noArgs, response: authStatusSchema },
  'db:keys': { request: noArgs, response: databaseKeysSchema },
  'sync:push': { request: z.strictObject(pushRequestSchema.shape), response: pushResponseSchema },
  'sync:pull': { request: pullRequestSchema, response: pullResponseSchema },
  'app:info': { request: noArgs, response: appInfoSchema },
  'app:setLocale': { request: z.strictObject({ locale: z.enum(LOCALE_VALUES) }), response: noValue },
  'app:setAutoLock': {
    request: z.strictObject({ minutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max) }),
    response: noValue,
  },
  'shell:openExternal': { request: z.strictObject({ url: z.string().min(1).max(2048) }), response: noValue },
  'log:openFolder': { request: noArgs, response: noValue },
  'conflicts:list': { request: conflictsListRequestSchema, response: conflictsListResponseSchema },
  'conflicts:resolve': { request: conflictsResolveRequestSchema, response: resolveConflictResponseSchema },
  'backup:status': { request: noArgs, response: backupStatusSchema },
  'backup:chooseFolder': { request: noArgs, response: z.object({ folder: z.string().nullable() }) },
  'backup:configure': { request: backupConfigureRequestSchema, response: backupStatusSchema },
  'backup:write': {
    request: backupWriteRequestSchema,
    response: z.object({ file: z.string(), bytes: z.number().int().nonnegative(), at: z.string() }),
  },
  'review:get': { request: z.strictObject(reviewQuerySchema.shape), response: reviewResponseSchema },
  'review:duplicates': { request: noArgs, response: duplicateIdsResponseSchema },
  /**
   * The page on screen (the weekly report #/review/print, a printed form #/print/…) as a PDF at a
   * path the person chooses; null path: cancelled. The report is landscape (the default), the forms portrait.
   */
  'report:printToPdf': {
    request: z.strictObject({ suggestedName: z.string().min(1).max(120), orientation: z.enum(['landscape', 'portrait']).optional() }),
    response: z.object({ path: z.string().nullable() }),
  },
  'attachments:status': { request: z.strictObject({ id: uuid }), response: attachmentStatusResponseSchema },
  'attachments:upload': { request: attachmentUploadRequestSchema, response: noValue },
  'attachments:download': { request: attachmentDownloadRequestSchema, response: z.object({ bytes: attachmentBytes }) },
  /** shown: false where the system has no notifications (nothing else to do about it). */
  'notifications:show': { request: notificationShowRequestSchema, response: z.object({ shown: z.boolean() }) },
} as const satisfies { [C in IpcChannel]: ChannelSchemas };

export const IPC_EVENT_CONTRACT = {
  'auth:changed': authStatusSchema,
  /** The person clicked the notification main showed: the page opens Today. */
  'notifications:clicked': z.null(),
} as const satisfies { [E in IpcEvent]: z.ZodType };

type Contract = typeof IPC_CONTRACT;
/** What the renderer sends (schema input). */
export type IpcRequest<C extends IpcChannel> = z.input<Contract[C]['request']>;
/** What a main handler receives after validation (schema output). */
export type IpcParsedRequest<C extends IpcChannel> = z.output<Contract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<Contract[C]['response']>;
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof IPC_EVENT_CONTRACT)[E]>;
