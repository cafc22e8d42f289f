import { z } from 'zod';
import {
  MAX_PULL_LIMIT, loginRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, sessionUserSchema,
} from '../sync/protocol';
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
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const LOCALE_VALUES = ['zh', 'en'] as const;
/** Minutes of inactivity before the window locks; the default is 10. */
export const AUTO_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const;

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
} as const satisfies { [C in IpcChannel]: ChannelSchemas };

export const IPC_EVENT_CONTRACT = {
  'auth:changed': authStatusSchema,
} as const satisfies { [E in IpcEvent]: z.ZodType };

type Contract = typeof IPC_CONTRACT;
/** What the renderer sends (schema input). */
export type IpcRequest<C extends IpcChannel> = z.input<Contract[C]['request']>;
/** What a main handler receives after validation (schema output). */
export type IpcParsedRequest<C extends IpcChannel> = z.output<Contract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<Contract[C]['response']>;
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof IPC_EVENT_CONTRACT)[E]>;
