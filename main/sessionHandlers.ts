import { ipcOk } from '../shared/ipc/errors';
import type { IpcHandlers } from './ipc';
import type { AuthSession } from './authSession';
import type { SyncClient } from './syncClient';

type AuthChannels = 'auth:login' | 'auth:logout' | 'auth:unlock' | 'auth:lock' | 'auth:status';
type SyncChannels = 'sync:push' | 'sync:pull';
type AttachmentChannels = 'attachments:status' | 'attachments:upload' | 'attachments:download';

export function authHandlers(auth: AuthSession): Pick<IpcHandlers, AuthChannels> {
  return {
    'auth:login': (req) => auth.login(req),
    'auth:logout': () => auth.logout(),
    'auth:unlock': (req) => auth.unlock(req),
    'auth:lock': () => auth.lock(),
    'auth:status': () => ({ ok: true, value: auth.status() }),
  };
}

/**
 * The renderer's sync engine talks to the server only through these, with main's token: push,
 * pull, and the attachment bytes that go up after a round that pushed their rows.
 */
export function syncHandlers(auth: AuthSession, client: SyncClient): Pick<IpcHandlers, SyncChannels | AttachmentChannels> {
  return {
    'sync:push': (req) => auth.withToken((token) => client.push(token, req)),
    'sync:pull': (req) => auth.withToken((token) => client.pull(token, req)),
    ...attachmentsHandlers(auth, client),
  };
}

/** Attachment bytes up and down (issue 15): like push and pull, with main's token. */
export function attachmentsHandlers(auth: AuthSession, client: SyncClient): Pick<IpcHandlers, AttachmentChannels> {
  return {
    'attachments:status': (req) => auth.withToken((token) => client.attachmentStatus(token, req.id)),
    'attachments:upload': (req) => auth.withToken((token) => client.uploadAttachment(token, req)),
    'attachments:download': (req) =>
      auth.withToken(async (token) => {
        const res = await client.downloadAttachment(token, req);
        return res.ok ? ipcOk({ bytes: res.value }) : res;
      }),
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
