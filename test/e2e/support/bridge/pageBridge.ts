import type { AppApi } from '../../../../shared/ipc/appApi';
import type { IpcRendererLike } from '../../../../main/preload/invoke';
import { createAppApi } from '../../../../main/preload/appApi';

/**
 * Bundled into the page before it loads: the real preload's `createAppApi`, over an
 * ipcRenderer stand-in whose invoke is the Playwright binding `__ipc` (→ main's registry in
 * Node) and whose events arrive through `__ipcEmit` (called by the harness).
 */
type Listener = (event: unknown, ...args: unknown[]) => void;

declare global {
  interface Window {
    app?: AppApi;
    __ipc?: (channel: string, ...args: unknown[]) => Promise<unknown>;
    __ipcEmit?: (channel: string, payload: unknown) => void;
  }
}

const listeners = new Map<string, Set<Listener>>();

const ipc: IpcRendererLike = {
  invoke: (channel, ...args) => {
    const call = window.__ipc;
    return call ? call(channel, ...args) : Promise.reject(new Error('no IPC binding'));
  },
  on: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
  },
  removeListener: (channel, listener) => {
    listeners.get(channel)?.delete(listener);
  },
};

window.__ipcEmit = (channel, payload) => {
  for (const l of listeners.get(channel) ?? []) l({}, payload);
};

Object.defineProperty(window, 'app', { value: createAppApi(ipc), writable: false, configurable: false });
