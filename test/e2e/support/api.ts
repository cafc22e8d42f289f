import type { APIRequestContext } from '@playwright/test';
import { type ApiClient, type FetchLike, createApiClient, createLoginClient } from '../../../shared/api/client';
import type { PullResponse } from '../../../shared/sync/protocol';

/**
 * The specs' own calls to the server (checking what a sync left there, arranging data) go
 * through the shared API client over Playwright's request context, so paths, schemas and
 * error codes are the route table's (shared/api/routes.ts). Relative URLs resolve against the
 * spec's baseURL (the preview server's `/api` proxy).
 */
export function playwrightFetch(request: APIRequestContext): FetchLike {
  return async (url, init) => {
    const res = await request.fetch(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body !== undefined ? { data: init.body } : {}),
      maxRedirects: 0,
      timeout: init.timeoutMs,
    });
    return { ok: res.ok(), status: res.status(), json: () => res.json() as Promise<unknown> };
  };
}

/** Signs in over the API and returns a client with that account's token. */
export async function signInApi(
  request: APIRequestContext,
  username: string,
  deviceId: string,
  opts: { baseUrl?: string; password?: string } = {},
): Promise<ApiClient> {
  const fetch = playwrightFetch(request);
  const baseUrl = opts.baseUrl ?? '';
  const login = await createLoginClient({ baseUrl, fetch }).login({ username, password: opts.password ?? 'demo-pass', deviceId });
  if (!login.ok) throw new Error(`sign-in of ${username} failed: ${login.error.code} ${login.error.message}`);
  return createApiClient({ baseUrl, fetch, token: login.value.token });
}

/** Every change the account may see, page by page, until `until` finds what it looks for (or the pages end). */
export async function pullUntil(api: ApiClient, until: (page: PullResponse) => boolean, limit = 5000, maxPages = 100): Promise<boolean> {
  let cursor = 0;
  for (let page = 0; page < maxPages; page++) {
    const res = await api.call('pull', { cursor, limit });
    if (!res.ok) throw new Error(`pull failed: ${res.error.code} ${res.error.message}`);
    if (until(res.value)) return true;
    if (!res.value.hasMore) return false;
    cursor = res.value.cursor;
  }
  return false;
}
