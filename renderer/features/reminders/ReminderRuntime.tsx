import { useEffect } from 'react';
import { useDbSession } from '../../app/DbProvider';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';
import { navigate } from '../../app/router';
import { useAppStore } from '../../app/store';
import { useScopePrefix } from '../../app/useScopePrefix';
import { watchQuery } from '../../db/live';
import { readReminderSettings } from '../../db/queries/reminders';
import { readSyncState } from '../../db/syncStateRepository';
import { desktopApi } from '../../platform/desktop';
import { runMorningCheck } from './morningCheck';
import { startMorningTimer } from './morningTimer';
import {
  type Notifier,
  type NotifyPermission,
  browserNotifier,
  desktopNotifier,
  permissionAskedBefore,
  rememberPermissionAsked,
} from './notifier';

/** Main's notifications in Electron, the web Notification API in the browser shell. */
export function sessionNotifier(): Notifier {
  const api = desktopApi();
  return api ? desktopNotifier(api) : browserNotifier();
}

/**
 * The morning reminder of a signed-in session. Mounted with the session, so it checks at every
 * unlock (the lock screen unmounts it), again once the first download has finished and when the
 * setting is turned on, and at 09:00 while the app stays open. A click opens Today.
 *
 * In the browser shell a reminder owed before the site may notify waits for the person's next
 * click or key press to ask, once per browser profile; never on its own, never twice.
 */
export function ReminderRuntime(): null {
  const { db, serverId } = useDbSession();
  const stationPrefix = useScopePrefix();

  useEffect(() => {
    const notifier = sessionNotifier();
    let stopped = false;
    let running = false;
    let again = false;
    let askArmed = false;

    const ask = (): void => {
      disarmAsk();
      rememberPermissionAsked();
      void notifier.requestPermission().then((p) => {
        if (p === 'granted') check();
      });
    };
    const disarmAsk = (): void => {
      window.removeEventListener('pointerdown', ask, true);
      window.removeEventListener('keydown', ask, true);
    };
    const askOnGesture = (): void => {
      if (askArmed || permissionAskedBefore()) return;
      askArmed = true;
      window.addEventListener('pointerdown', ask, true);
      window.addEventListener('keydown', ask, true);
    };
    /** syncState changes often (the HLC, the cursor): check when the watched value itself changes. */
    const onChange = <T,>(): ((value: T) => void) => {
      let last: { value: T } | null = null;
      return (value) => {
        if (last !== null && last.value === value) return;
        last = { value };
        check();
      };
    };

    const check = (): void => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      runMorningCheck({
        db,
        stationPrefix,
        notifier,
        now: () => new Date(),
        locale: () => useAppStore.getState().locale,
        dataComplete: async () => serverId === LOCAL_DEMO_SERVER_ID || (await readSyncState(db, 'lastSuccessAt')) !== undefined,
      })
        .then((outcome) => {
          if (outcome === 'needs_permission' && !stopped) askOnGesture();
        })
        .catch(() => undefined)
        .finally(() => {
          running = false;
          if (again) {
            again = false;
            check();
          }
        });
    };

    const stopClick = notifier.onClicked(() => {
      window.focus();
      navigate('/today');
    });
    // The first download finishing, and the setting turned on, both bring a check.
    const stopDownloadWatch = watchQuery(() => readSyncState(db, 'lastSuccessAt').then((v) => v !== undefined), onChange<boolean>());
    const stopSettingWatch = watchQuery(() => readReminderSettings(db).then((s) => s.enabled), onChange<boolean>());
    // Allowed later in the browser's site settings: the day's reminder, if still owed, comes then.
    const stopPermissionWatch = notifier.watchPermission(onChange<NotifyPermission>());
    const timer = startMorningTimer({
      now: () => new Date(),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (h) => window.clearTimeout(h as number),
      onMorning: check,
    });
    return () => {
      stopped = true;
      disarmAsk();
      timer.stop();
      stopDownloadWatch();
      stopSettingWatch();
      stopPermissionWatch();
      stopClick();
    };
  }, [db, serverId, stationPrefix]);

  return null;
}
