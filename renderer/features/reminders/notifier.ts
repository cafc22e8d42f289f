import type { AppApi } from '../../../shared/ipc/appApi';
import type { ReminderText } from './reminderText';

/** Where a notification can be shown: 'default' means the browser has not been asked yet. */
export type NotifyPermission = 'granted' | 'default' | 'denied' | 'unsupported';

export interface Notifier {
  permission(): NotifyPermission;
  /** Asks the browser (a no-op answer in the desktop app); call it from a user gesture only. */
  requestPermission(): Promise<NotifyPermission>;
  /** True once the notification is on its way to the screen. */
  show(text: ReminderText): Promise<boolean>;
  /** A click on a notification this notifier showed; returns an unsubscribe. */
  onClicked(listener: () => void): () => void;
  /** The permission as it changes (the person blocks or allows the site in the browser's settings); returns an unsubscribe. */
  watchPermission(listener: (permission: NotifyPermission) => void): () => void;
}

/** In Electron main shows it: the page itself never holds the Notification permission. */
export function desktopNotifier(api: AppApi): Notifier {
  return {
    permission: () => 'granted',
    requestPermission: () => Promise.resolve('granted'),
    show: async (text) => {
      const res = await api.notifications.show(text);
      return res.ok && res.value.shown;
    },
    onClicked: (listener) => api.notifications.onClicked(listener),
    watchPermission: () => () => undefined,
  };
}

function browserPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The browser shell: the web Notification API, tagged so a second one replaces the first. */
export function browserNotifier(): Notifier {
  const listeners = new Set<() => void>();
  return {
    permission: browserPermission,
    requestPermission: async () => {
      if (browserPermission() !== 'default') return browserPermission();
      return Notification.requestPermission();
    },
    show: (text) => {
      if (browserPermission() !== 'granted') return Promise.resolve(false);
      const n = new Notification(text.title, { body: text.body, tag: 'youfu-morning-reminder' });
      n.onclick = () => {
        n.close();
        for (const l of listeners) l();
      };
      return Promise.resolve(true);
    },
    onClicked: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watchPermission: (listener) => {
      let stop = false;
      let status: PermissionStatus | null = null;
      const follow = (): void => {
        if (!stop && status) listener(status.state === 'prompt' ? 'default' : status.state);
      };
      // The Permissions API tells a change as it happens; Notification.permission only when read.
      navigator.permissions
        ?.query({ name: 'notifications' })
        .then((s) => {
          status = s;
          s.addEventListener('change', follow);
          follow();
        })
        .catch(() => undefined);
      return () => {
        stop = true;
        status?.removeEventListener('change', follow);
      };
    },
  };
}

const ASKED_KEY = 'youfu.reminders.permissionAsked';

/**
 * Whether this browser profile was asked once already. The permission belongs to the site, not
 * to an account, so the flag lives in localStorage beside it; after that only the setting asks.
 */
export function permissionAskedBefore(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) === '1';
  } catch {
    return true;
  }
}

export function rememberPermissionAsked(): void {
  try {
    localStorage.setItem(ASKED_KEY, '1');
  } catch {
    // Private mode without storage: asking again next session is the lesser harm.
  }
}
