import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createReviewApi(invoke: Invoke): AppApi['review'] {
  return {
    get: (req) => invoke('review:get', req),
    duplicates: () => invoke('review:duplicates', {}),
  };
}
