import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createConflictsApi(invoke: Invoke): AppApi['conflicts'] {
  return {
    list: (req) => invoke('conflicts:list', req),
    resolve: (req) => invoke('conflicts:resolve', req),
  };
}
