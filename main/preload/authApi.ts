import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke, Subscribe } from './invoke';

export function createAuthApi(invoke: Invoke, subscribe: Subscribe): AppApi['auth'] {
  return {
    login: (req) => invoke('auth:login', req),
    logout: () => invoke('auth:logout', {}),
    unlock: (req) => invoke('auth:unlock', req),
    lock: () => invoke('auth:lock', {}),
    status: () => invoke('auth:status', {}),
    onChanged: (listener) => subscribe('auth:changed', listener),
  };
}
