import type { IpcInvokeEventLike, IpcMainLike } from '../ipc';
import type { Log } from '../logTypes';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** An ipcMain stand-in: records handlers and lets a test call them as a given frame would. */
export class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }

  invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args));
  }
}

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  detail: unknown;
}

export class MemoryLog implements Log {
  readonly lines: LoggedLine[] = [];
  info(message: string, detail?: unknown): void {
    this.lines.push({ level: 'info', message, detail });
  }
  warn(message: string, detail?: unknown): void {
    this.lines.push({ level: 'warn', message, detail });
  }
  error(message: string, detail?: unknown): void {
    this.lines.push({ level: 'error', message, detail });
  }
}

export const APP_PAGE = 'app://desk/index.html';
