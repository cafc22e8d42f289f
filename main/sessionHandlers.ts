import type { IpcHandlers } from './ipc';
import type { AuthSession } from './authSession';
import type { SyncClient } from './syncClient';

type AuthChannels = 'auth:login' | 'auth:logout' | 'auth:unlock' | 'auth:lock' | 'auth:status';
type SyncChannels = 'sync:push' | 'sync:pull';

export function authHandlers(auth: AuthSession): Pick<IpcHandlers, AuthChannels> {
  return {
    'auth:login': (req) => auth.login(req),
    'auth:logout': () => auth.logout(),
    'auth:unlock': (req) => auth.unlock(req),
    'auth:lock': () => auth.lock(),
    'auth:status': () => ({ ok: true, value: auth.status() }),
  };
}

/** The renderer's sync engine talks to the server only through these, with main's token. */
export function syncHandlers(auth: AuthSession, client: SyncClient): Pick<IpcHandlers, SyncChannels> {
  return {
    'sync:push': (req) => auth.withToken((token) => client.push(token, req)),
    'sync:pull': (req) => auth.withToken((token) => client.pull(token, req)),
  };
}

type ConflictChannels = 'conflicts:list' | 'conflicts:resolve';

/** The supervisors' conflict review: like push and pull, with main's token. */
export function conflictsHandlers(auth: AuthSession, client: SyncClient): Pick<IpcHandlers, ConflictChannels> {
  return {
    'conflicts:list': (req) => auth.withToken((token) => client.listConflicts(token, req)),
    'conflicts:resolve': (req) => auth.withToken((token) => client.resolveConflict(token, req)),
  };
}

type ReviewChannels = 'review:get' | 'review:duplicates';

/** The supervisors' review figures: like push and pull, with main's token. */
export function reviewHandlers(auth: AuthSession, client: SyncClient): Pick<IpcHandlers, ReviewChannels> {
  return {
    'review:get': (req) => auth.withToken((token) => client.review(token, req)),
    'review:duplicates': () => auth.withToken((token) => client.duplicates(token)),
  };
}
