import { ipcOk } from '../shared/ipc/errors';
import type { IpcHandlers } from './ipc';
import type { Log } from './logTypes';

/** The part of an Electron `Notification` main uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotificationDeps {
  /** Electron's `Notification.isSupported()`: false on a Linux desktop without a notification server. */
  isSupported(): boolean;
  /** `new Notification(options)` from electron. */
  create(options: { title: string; body: string }): NotificationLike;
  /** The person clicked: show and focus the window, and tell the page (it opens Today). */
  onClick(): void;
  log: Log;
}

/**
 * Desktop notifications shown by main (issue 16's morning reminder). The page never has the
 * Notification permission (security.ts refuses it to web content); it asks through
 * `notifications:show`, with a title and body it wrote, and main shows them as they are.
 *
 * The one on screen is kept referenced until it is clicked or closed: an Electron Notification
 * that is garbage-collected loses its click handler. A new one replaces it (a morning needs one).
 */
export function notificationHandlers(deps: NotificationDeps): Pick<IpcHandlers, 'notifications:show'> {
  let current: NotificationLike | null = null;
  return {
    'notifications:show': ({ title, body }) => {
      if (!deps.isSupported()) {
        deps.log.warn('notifications: not supported on this system');
        return ipcOk({ shown: false });
      }
      current?.close();
      const shown = deps.create({ title, body });
      current = shown;
      const forget = (): void => {
        if (current === shown) current = null;
      };
      shown.on('click', () => {
        forget();
        deps.onClick();
      });
      shown.on('close', forget);
      shown.show();
      return ipcOk({ shown: true });
    },
  };
}
