import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createDbApi(invoke: Invoke): AppApi['db'] {
  return {
    keys: () => invoke('db:keys', {}),
  };
}
