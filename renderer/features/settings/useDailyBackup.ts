import { useEffect } from 'react';
import { desktopApi } from '../../platform/desktop';
import { useDbSession } from '../../app/DbProvider';
import { DAILY_BACKUP_CHECK_EVERY_MS, DAILY_BACKUP_FIRST_CHECK_MS, runDailyBackup } from './dailyBackup';

/** In the desktop app: checks a little after the session opens and then every half hour. */
export function useDailyBackup(): void {
  const { db, user, serverId } = useDbSession();
  useEffect(() => {
    const api = desktopApi();
    if (!api) return;
    let running = false;
    const check = (): void => {
      if (running) return;
      running = true;
      runDailyBackup(api, { db, accountId: user.id, serverId }, new Date())
        .catch(() => undefined)
        .finally(() => {
          running = false;
        });
    };
    const first = setTimeout(check, DAILY_BACKUP_FIRST_CHECK_MS);
    const every = setInterval(check, DAILY_BACKUP_CHECK_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [db, user.id, serverId]);
}

/** Renders nothing; mounted once per signed-in session beside SyncRuntime. */
export function DailyBackupRuntime(): null {
  useDailyBackup();
  return null;
}
