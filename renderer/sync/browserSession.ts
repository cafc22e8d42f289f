import type { LoginRequest, LoginResponse } from '../../shared/sync/protocol';
import { type SyncTransport, type TransportResult, createHttpLogin, createHttpTransport } from './transport';

/**
 * The browser shell's side of the session: it talks to the central server same-origin
 * (`/api/...`, proxied by the dev or preview server) and keeps the bearer token in
 * sessionStorage, so it is gone with the tab. In Electron the token never reaches the
 * renderer: main holds it and does the HTTP (see main/ and window.app).
 */
const TOKEN_KEY = 'youfu-desk.token';

interface StoredToken {
  serverId: string;
  userId: string;
  token: string;
}

export function storeToken(serverId: string, userId: string, token: string): void {
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ serverId, userId, token } satisfies StoredToken));
}

/** The token of this server and account, or null (signed out, another account, new tab). */
export function readToken(serverId: string, userId: string): string | null {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as Partial<StoredToken>;
    return t.serverId === serverId && t.userId === userId && typeof t.token === 'string' ? t.token : null;
  } catch {
    return null;
  }
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The transport of the signed-in account. */
export function createBrowserTransport(account: { serverId: string; userId: string }, baseUrl = ''): SyncTransport {
  return createHttpTransport({ baseUrl, getToken: () => readToken(account.serverId, account.userId) });
}

/** Signing in from the browser shell (the caller stores the token: storeToken). */
export function browserLogin(req: LoginRequest, baseUrl = ''): Promise<TransportResult<LoginResponse>> {
  return createHttpLogin({ baseUrl })(req);
}
