import type { AuthStatus, SessionInfo } from '../shared/ipc/contract';
import { type IpcResult, ipcErr, ipcOk } from '../shared/ipc/errors';
import type { LoginRequest } from '../shared/sync/protocol';
import type { Log } from './logTypes';
import { type OfflineProfile, type OfflineUnlock, normalizeUsername } from './offlineUnlock';
import type { SyncClient } from './syncClient';
import type { StoredCredential, TokenVault } from './tokenVault';

export interface AuthSessionDeps {
  client: SyncClient;
  vault: TokenVault;
  offline: OfflineUnlock;
  /** The configured server; a stored token for another server is not used. */
  serverUrl: string;
  now: () => number;
  /** Tells the renderer when main changes the state on its own (idle lock, menu, expiry). */
  emit: (status: AuthStatus) => void;
  log: Log;
}

export interface AuthSession {
  init(): Promise<void>;
  status(): AuthStatus;
  login(req: LoginRequest): Promise<IpcResult<SessionInfo>>;
  unlock(req: { username: string; password: string }): Promise<IpcResult<SessionInfo>>;
  lock(): IpcResult<null>;
  logout(): Promise<IpcResult<null>>;
  /** Runs a server call with the token, only while unlocked and only for the unlocked account. */
  withToken<T>(call: (token: string) => Promise<IpcResult<T>>): Promise<IpcResult<T>>;
}

/**
 * Who is signed in, and whether the window is locked. The token stays in the vault; unlocking
 * (online or offline) only opens the gate in front of it. Logging out revokes and forgets the
 * token but never touches the renderer's database, so unsynced changes stay queued for that
 * account until it signs in again.
 */
export function createAuthSession(deps: AuthSessionDeps): AuthSession {
  let state: AuthStatus['state'] = 'signed_out';
  let session: SessionInfo | null = null;
  let lastUsername: string | null = null;

  const status = (): AuthStatus => ({ state, session: state === 'unlocked' ? session : null, lastUsername });
  const changed = (): void => deps.emit(status());

  function usable(cred: StoredCredential | null, userId: string): cred is StoredCredential {
    return cred !== null && cred.userId === userId && cred.serverUrl === deps.serverUrl && Date.parse(cred.expiresAt) > deps.now();
  }

  function open(profile: OfflineProfile, cred: StoredCredential | null): SessionInfo {
    const canSync = usable(cred, profile.user.id);
    session = { ...profile, expiresAt: canSync ? cred.expiresAt : null, canSync };
    state = 'unlocked';
    lastUsername = normalizeUsername(profile.user.username);
    return session;
  }

  return {
    async init() {
      const cred = await deps.vault.load();
      lastUsername = cred?.username ?? (await deps.offline.lastUsername());
      state = cred ? 'locked' : 'signed_out';
      session = null;
    },

    status,

    async login(req) {
      const res = await deps.client.login(req);
      if (!res.ok) return res;
      const { token, user, scopes, serverId, expiresAt } = res.value;
      const cred: StoredCredential = {
        token,
        userId: user.id,
        username: normalizeUsername(user.username),
        serverUrl: deps.serverUrl,
        expiresAt,
      };
      const saved = await deps.vault.save(cred);
      if (!saved.ok) {
        // Refuse rather than keep the token in plaintext; revoke the one just issued.
        void deps.client.logout(token);
        return ipcErr(
          'encryption_unavailable',
          'The system keychain is unavailable, so the sign-in cannot be kept safely on this computer',
        );
      }
      const remembered = await deps.offline.remember(req.username, req.password, { user, scopes, serverId });
      if (!remembered.ok) deps.log.warn('auth: offline unlock could not be prepared', remembered.error);
      const value = open({ user, scopes, serverId }, cred);
      changed();
      return ipcOk(value);
    },

    async unlock(req) {
      const res = await deps.offline.verifyOffline(req.username, req.password);
      if (!res.ok) {
        if (res.error === 'locked_out') {
          return ipcErr('locked_out', `Too many wrong passwords; try again after ${new Date(res.retryAt ?? deps.now()).toISOString()}`);
        }
        if (res.error === 'offline_unlock_unavailable')
          return ipcErr('offline_unlock_unavailable', 'Sign in online once on this computer first');
        return ipcErr('unauthorized', 'Wrong username or password');
      }
      const value = open(res.value, await deps.vault.load());
      changed();
      return ipcOk(value);
    },

    lock() {
      if (state === 'unlocked') {
        state = 'locked';
        changed();
      }
      return ipcOk(null);
    },

    async logout() {
      const cred = await deps.vault.load();
      if (cred) {
        const revoked = await deps.client.logout(cred.token);
        // Offline or the token already gone: forgetting it locally is what matters.
        if (!revoked.ok) deps.log.warn('auth: server logout failed; token forgotten locally', revoked.error.code);
      }
      await deps.vault.clear();
      state = 'signed_out';
      session = null;
      changed();
      return ipcOk(null);
    },

    async withToken(call) {
      if (state !== 'unlocked' || session === null) return ipcErr('locked', 'Unlock the app first');
      const cred = await deps.vault.load();
      if (!usable(cred, session.user.id)) return ipcErr('unauthorized', 'Sign in online to sync');
      const res = await call(cred.token);
      if (!res.ok && res.error.code === 'unauthorized') {
        // Revoked or expired on the server: stop offering it; the data stays, sync waits for a sign-in.
        await deps.vault.clear();
        session = { ...session, canSync: false, expiresAt: null };
        changed();
      }
      return res;
    },
  };
}
