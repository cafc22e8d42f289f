import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createBackupApi(invoke: Invoke): AppApi['backup'] {
  return {
    status: () => invoke('backup:status', {}),
    chooseFolder: () => invoke('backup:chooseFolder', {}),
    configure: (req) => invoke('backup:configure', req),
    write: (req) => invoke('backup:write', req),
  };
}
