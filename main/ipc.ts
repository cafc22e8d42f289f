import { IPC_CHANNELS, type IpcChannel, type IpcEvent } from '../shared/ipc/channels';
import { IPC_CONTRACT, type IpcEventPayload, type IpcParsedRequest, type IpcResponse } from '../shared/ipc/contract';
import { type IpcResult, ipcErr, ipcErrorSchema, ipcOk } from '../shared/ipc/errors';
import { isAppUrl } from './appOrigin';
import type { Log } from './logTypes';

/** The part of Electron's IpcMainInvokeEvent that the registry reads. */
export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of Electron's `ipcMain` that the registry uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface IpcContext {
  /** The URL of the calling frame, already checked to be the app's own page. */
  senderUrl: string;
}

export type IpcHandler<C extends IpcChannel> = (
  req: IpcParsedRequest<C>,
  ctx: IpcContext,
) => Promise<IpcResult<IpcResponse<C>>> | IpcResult<IpcResponse<C>>;

/** A handler for every channel: a missing one is a compile error in the composition root. */
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

export interface IpcRegistryDeps {
  ipcMain: IpcMainLike;
  log: Log;
  /** Defaults to "the app's own app:// page"; tests may narrow it further, never widen it. */
  isTrustedSender?: (url: string) => boolean;
}

export interface IpcRegistry {
  handle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): void;
  handleAll(handlers: IpcHandlers): void;
  /** For tests and partial set-ups: registers the channels given, in contract order. */
  handleSome(handlers: Partial<IpcHandlers>): void;
  registered(): readonly IpcChannel[];
}

const MAX_ISSUES_REPORTED = 5;

/**
 * The only way main answers the renderer. Each call is checked in this order: sender origin,
 * argument count and payload schema, then the handler runs; its answer is checked against the
 * response schema too (which also strips any field the contract does not name). Whatever
 * happens, the renderer gets a value: a throw becomes `internal`, with the detail logged.
 */
export function createIpcRegistry(deps: IpcRegistryDeps): IpcRegistry {
  const isTrusted = deps.isTrustedSender ?? isAppUrl;
  const channels = new Set<IpcChannel>();

  function handle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): void {
    // A second registration would silently replace (or, in Electron, throw later) the first;
    // fail at start-up instead, where it is obvious.
    if (channels.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
    if (!(IPC_CHANNELS as readonly string[]).includes(channel)) throw new Error(`IPC channel not in the contract: ${channel}`);
    channels.add(channel);
    deps.ipcMain.handle(channel, (event, ...args) => dispatch(channel, handler, event, args));
  }

  async function dispatch<C extends IpcChannel>(
    channel: C,
    handler: IpcHandler<C>,
    event: IpcInvokeEventLike,
    args: unknown[],
  ): Promise<IpcResult<IpcResponse<C>>> {
    const senderUrl = senderUrlOf(event);
    if (senderUrl === null || !isTrusted(senderUrl)) {
      deps.log.warn('ipc: refused a call from an untrusted frame', { channel, senderUrl });
      return ipcErr('forbidden_sender', 'This window may not call the app');
    }
    if (args.length !== 1) return ipcErr('validation_failed', `expected one argument, got ${args.length}`);
    const { request, response } = IPC_CONTRACT[channel];
    const parsed = request.safeParse(args[0]);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, MAX_ISSUES_REPORTED)
        .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
        .join('; ');
      return ipcErr('validation_failed', detail);
    }
    let result: IpcResult<unknown>;
    try {
      result = await handler(parsed.data as IpcParsedRequest<C>, { senderUrl });
    } catch (e) {
      deps.log.error(`ipc: ${channel} failed`, e);
      return ipcErr('internal', 'Something went wrong; the details are in the log');
    }
    return checkAnswer(channel, result, response);
  }

  function checkAnswer<C extends IpcChannel>(
    channel: C,
    result: IpcResult<unknown>,
    response: (typeof IPC_CONTRACT)[C]['response'],
  ): IpcResult<IpcResponse<C>> {
    if (!result.ok) {
      const error = ipcErrorSchema.safeParse(result.error);
      if (error.success) return { ok: false, error: error.data };
      deps.log.error(`ipc: ${channel} answered an error outside the contract`, result.error);
      return ipcErr('internal', 'Something went wrong; the details are in the log');
    }
    const value = response.safeParse(result.value);
    if (value.success) return ipcOk(value.data as IpcResponse<C>);
    deps.log.error(`ipc: ${channel} answered outside the contract`, value.error.issues);
    return ipcErr('internal', 'Something went wrong; the details are in the log');
  }

  return {
    handle,
    handleAll(handlers) {
      for (const channel of IPC_CHANNELS) registerTyped(channel, handlers);
    },
    handleSome(handlers) {
      for (const channel of IPC_CHANNELS) registerTyped(channel, handlers);
    },
    registered: () => [...channels],
  };

  function registerTyped<C extends IpcChannel>(channel: C, handlers: Partial<IpcHandlers>): void {
    const handler = handlers[channel];
    if (handler) handle(channel, handler);
  }
}

function senderUrlOf(event: IpcInvokeEventLike): string | null {
  // senderFrame is null when the frame navigated away or was destroyed mid-call.
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/** Main → renderer messages, typed by the event contract (the preload hands on the payload only). */
export function sendEvent<E extends IpcEvent>(
  target: { send(channel: string, ...args: unknown[]): void } | null | undefined,
  event: E,
  payload: IpcEventPayload<E>,
): void {
  target?.send(event, payload);
}
