import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createSyncApi(invoke: Invoke): AppApi['sync'] {
  return {
    push: (req) => invoke('sync:push', req),
    pull: (req) => invoke('sync:pull', req),
  };
}
