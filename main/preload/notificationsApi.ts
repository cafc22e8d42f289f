import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke, Subscribe } from './invoke';

export function createNotificationsApi(invoke: Invoke, subscribe: Subscribe): AppApi['notifications'] {
  return {
    show: (req) => invoke('notifications:show', req),
    onClicked: (listener) => subscribe('notifications:clicked', () => listener()),
  };
}
