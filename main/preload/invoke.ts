import type { IpcChannel, IpcEvent } from '../../shared/ipc/channels';
import type { IpcEventPayload, IpcRequest, IpcResponse } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';

/** The part of Electron's `ipcRenderer` the bridge uses; never handed to the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export type Invoke = <C extends IpcChannel>(channel: C, req: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
export type Subscribe = <E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void) => () => void;

/**
 * Typed invoke over the contract. Stays inside the preload: the page only gets the named
 * methods built on it. main validates every answer against the contract before sending, so
 * the cast below is the single trusted step; a rejected invoke (no handler, main gone)
 * still becomes a value.
 */
export function createInvoke(ipc: IpcRendererLike): Invoke {
  return async (channel, req) => {
    try {
      return (await ipc.invoke(channel, req)) as IpcResult<IpcResponse<typeof channel>>;
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  };
}

/** Listeners get the payload only, never the IpcRendererEvent (which carries `sender`). */
export function createSubscribe(ipc: IpcRendererLike): Subscribe {
  return (event, listener) => {
    const wrapped = (_e: unknown, payload: unknown): void => listener(payload as IpcEventPayload<typeof event>);
    ipc.on(event, wrapped);
    return () => {
      ipc.removeListener(event, wrapped);
    };
  };
}
