import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createAppInfoApi(invoke: Invoke): AppApi['app'] {
  return {
    info: () => invoke('app:info', {}),
    setLocale: (locale) => invoke('app:setLocale', { locale }),
    setAutoLock: (minutes) => invoke('app:setAutoLock', { minutes }),
  };
}
