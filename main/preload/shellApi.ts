import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createShellApi(invoke: Invoke): AppApi['shell'] {
  return {
    openExternal: (url) => invoke('shell:openExternal', { url }),
  };
}

export function createLogApi(invoke: Invoke): AppApi['log'] {
  return {
    openFolder: () => invoke('log:openFolder', {}),
  };
}
