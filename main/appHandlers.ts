import type { Locale } from '../shared/domain/labels';
import type { AppInfo } from '../shared/ipc/contract';
import { ipcErr, ipcOk } from '../shared/ipc/errors';
import type { IpcHandlers } from './ipc';
import { type ShellLike, openExternalSafely } from './externalLinks';
import type { SettingsStore } from './settingsStore';

type AppChannels = 'app:info' | 'app:setLocale' | 'app:setAutoLock' | 'shell:openExternal' | 'log:openFolder';

export interface AppHandlerDeps {
  info: AppInfo;
  settings: SettingsStore;
  /** Rebuild the menu in the new language. */
  onLocaleChanged: (locale: Locale) => void;
  onAutoLockChanged: (minutes: number) => void;
  externalAllowList: readonly string[];
  shell: ShellLike & { openPath(path: string): Promise<string> };
  logDir: string;
}

export function appHandlers(deps: AppHandlerDeps): Pick<IpcHandlers, AppChannels> {
  return {
    'app:info': () => ipcOk(deps.info),
    'app:setLocale': async ({ locale }) => {
      await deps.settings.update({ locale });
      deps.onLocaleChanged(locale);
      return ipcOk(null);
    },
    'app:setAutoLock': async ({ minutes }) => {
      await deps.settings.update({ autoLockMinutes: minutes });
      deps.onAutoLockChanged(minutes);
      return ipcOk(null);
    },
    'shell:openExternal': async ({ url }) =>
      (await openExternalSafely(url, deps.externalAllowList, deps.shell))
        ? ipcOk(null)
        : ipcErr('forbidden_url', 'Only https links to the listed government sites can be opened'),
    'log:openFolder': async () => {
      // openPath answers an error message, or '' on success.
      const problem = await deps.shell.openPath(deps.logDir);
      return problem === '' ? ipcOk(null) : ipcErr('internal', 'The log folder could not be opened');
    },
  };
}
