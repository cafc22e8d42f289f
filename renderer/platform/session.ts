import type { LoginRequest, SessionUser } from '../../shared/sync/protocol';
import { browserLogin, clearToken, createBrowserTransport, readToken, storeToken } from '../sync/browserSession';
import { type ConflictsTransport, createHttpConflictsTransport } from '../sync/conflictsClient';
import type { SyncTransport, TransportResult } from '../sync/transport';
import { databaseName } from '../db/databaseAlias';
import { forgetBrowserKeys, unlockBrowserKeys } from './dbKeys';
import { refreshDesktopStatus } from './desktopAuth';
import { desktopApi } from './desktop';
import {
  createIpcAttachmentTransport,
  createIpcConflictsTransport,
  createIpcReviewTransport,
  createIpcTransport,
  fromIpcError,
} from './ipcTransport';
import { type ReviewTransport, createHttpReviewTransport } from '../sync/reviewClient';
import { type AttachmentTransport, createHttpAttachmentTransport } from '../sync/attachmentsClient';

export interface SignedIn {
  user: SessionUser;
  scopes: string[];
  serverId: string;
}

/**
 * The online sign-in. In Electron main keeps the token; in the browser shell it goes to
 * sessionStorage as before.
 */
export async function signInOnline(req: LoginRequest): Promise<TransportResult<SignedIn>> {
  const api = desktopApi();
  if (api) {
    // Main signs in and keeps the token; the renderer hears who signed in, never the token.
    const res = await api.auth.login(req);
    if (!res.ok) return { ok: false, error: fromIpcError(res.error) };
    await refreshDesktopStatus(api);
    return { ok: true, value: { user: res.value.user, scopes: res.value.scopes, serverId: res.value.serverId } };
  }
  const res = await browserLogin(req);
  if (!res.ok) return res;
  const { token, user, scopes, serverId } = res.value;
  storeToken(serverId, user.id, token);
  // The only moment the browser shell knows the password: open (or create) the database's keys.
  // If they do not open (the password was changed since), the database stays closed and says so.
  await unlockBrowserKeys(databaseName(serverId, user.id), req.password);
  return { ok: true, value: { user, scopes, serverId } };
}

/** Forgets the token; the account's local database (and its unsynced changes) stays. */
export async function signOutSession(): Promise<void> {
  const api = desktopApi();
  if (!api) {
    clearToken();
    forgetBrowserKeys();
    return;
  }
  await api.auth.logout();
  await refreshDesktopStatus(api);
}

/** The sync transport of the signed-in account. */
export function createSessionTransport(account: { serverId: string; userId: string }): SyncTransport {
  const api = desktopApi();
  return api ? createIpcTransport(api) : createBrowserTransport(account);
}

/** The conflict review of the signed-in account: through main in Electron, fetch in the browser. */
export function createSessionConflictsTransport(account: { serverId: string; userId: string }): ConflictsTransport {
  const api = desktopApi();
  return api
    ? createIpcConflictsTransport(api)
    : createHttpConflictsTransport({ baseUrl: '', getToken: () => readToken(account.serverId, account.userId) });
}

/** The weekly review of the signed-in supervisor: through main in Electron, fetch in the browser. */
export function createSessionReviewTransport(account: { serverId: string; userId: string }): ReviewTransport {
  const api = desktopApi();
  return api ? createIpcReviewTransport(api) : createHttpReviewTransport(account);
}

/** Attachment bytes up and down for the signed-in account (issue 15): through main in Electron, tus and fetch in the browser. */
export function createSessionAttachmentTransport(account: { serverId: string; userId: string }): AttachmentTransport {
  const api = desktopApi();
  return api
    ? createIpcAttachmentTransport(api)
    : createHttpAttachmentTransport({ baseUrl: '', getToken: () => readToken(account.serverId, account.userId) });
}
