import type { Log } from './logTypes';

/** The parts of Node's `process` and Electron's `app` whose failure events are watched. */
export interface ProcessEventsLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface GoneDetails {
  reason: string;
  exitCode: number;
}
export interface AppEventsLike {
  on(event: 'render-process-gone', listener: (event: unknown, webContents: unknown, details: GoneDetails) => void): unknown;
  on(event: 'child-process-gone', listener: (event: unknown, details: GoneDetails & { type: string }) => void): unknown;
}

export interface ErrorHandlerOptions {
  process: ProcessEventsLike;
  app: AppEventsLike;
  log: Log;
  /** After an uncaught exception main's state is unknown: tell the user and quit. */
  onFatal: (error: Error) => void;
  /** A renderer crash (not a clean exit): e.g. reload the window once. */
  onRendererGone: (webContents: unknown, details: GoneDetails) => void;
}

/** The one global handler for main's failures; every line goes through the redacting log. */
export function installGlobalErrorHandlers(opts: ErrorHandlerOptions): void {
  opts.process.on('uncaughtException', (error) => {
    opts.log.error('uncaught exception in main', error);
    opts.onFatal(error);
  });
  opts.process.on('unhandledRejection', (reason) => {
    // A forgotten await is a bug, but not one that leaves main in an unknown state.
    opts.log.error('unhandled promise rejection in main', reason);
  });
  opts.app.on('render-process-gone', (_event, webContents, details) => {
    opts.log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason !== 'clean-exit') opts.onRendererGone(webContents, details);
  });
  opts.app.on('child-process-gone', (_event, details) => {
    opts.log.warn('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode });
  });
}
