import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from './offlineCache';

type Listener = (event: FakeEvent) => void;
interface FakeEvent {
  request: { method: string; url: string; mode: string };
  respondWith: (r: Promise<unknown>) => void;
  waitUntil: (p: Promise<unknown>) => void;
}

/** Runs the generated worker against an in-memory cache and a network that is up or down. */
function worker(version: string, online: { up: boolean }, files: readonly string[] = ['./index.html', './assets/index-abc.js']) {
  const listeners = new Map<string, Listener>();
  const stores = new Map<string, Map<string, string>>();
  const open = (name: string) => {
    const store = stores.get(name) ?? new Map<string, string>();
    stores.set(name, store);
    const key = (r: string | { url: string }) => new URL(typeof r === 'string' ? r : r.url, 'http://127.0.0.1:4173/').pathname;
    return Promise.resolve({
      addAll: (urls: string[]) => {
        for (const u of urls) store.set(key(u), `cached ${key(u)}`);
        return Promise.resolve();
      },
      match: (r: string | { url: string }) => Promise.resolve(store.get(key(r))),
      put: (r: { url: string }) => {
        store.set(key(r), `cached ${key(r)}`);
        return Promise.resolve();
      },
      keys: () => Promise.resolve([...store.keys()].map((path) => ({ url: `http://127.0.0.1:4173${path}` }))),
      delete: (r: { url: string }) => Promise.resolve(store.delete(key(r))),
    });
  };
  const caches = { open, keys: () => Promise.resolve([...stores.keys()]), delete: (n: string) => Promise.resolve(stores.delete(n)) };
  // A font answers as a response (it is put in the font cache); anything else as its text.
  const fetch = (r: { url: string }) => {
    const path = new URL(r.url).pathname;
    if (!online.up) return Promise.reject(new TypeError('Failed to fetch'));
    if (path.endsWith('.woff2')) {
      const response = { ok: true, body: `network ${path}`, clone: () => response };
      return Promise.resolve(response);
    }
    return Promise.resolve(`network ${path}`);
  };
  const self = {
    registration: { scope: 'http://127.0.0.1:4173/' },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  };
  runInNewContext(serviceWorkerSource(version, files), {
    self,
    caches,
    fetch,
    URL,
    Response: { error: () => 'error response' },
  });
  const dispatch = async (type: string, request = { method: 'GET', url: 'http://127.0.0.1:4173/', mode: 'navigate' }) => {
    let answer: Promise<unknown> | undefined;
    let waited: Promise<unknown> | undefined;
    listeners.get(type)?.({
      request,
      respondWith: (r) => {
        answer = r;
      },
      waitUntil: (p) => {
        waited = p;
      },
    });
    await waited;
    return answer === undefined ? 'not handled' : await answer;
  };
  return { dispatch, stores };
}

const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `http://127.0.0.1:4173${path}`, mode });

describe("the browser shell's offline cache (service worker)", () => {
  it("keeps the app's files at install; pages come from the network, and from the cache when it is down", async () => {
    const online = { up: true };
    const w = worker('v1', online);
    await w.dispatch('install');
    expect([...(w.stores.get('youfu-app-v1')?.keys() ?? [])].sort()).toEqual(['/', '/assets/index-abc.js', '/index.html']);
    expect(await w.dispatch('fetch', get('/', 'navigate'))).toBe('network /');
    expect(await w.dispatch('fetch', get('/assets/index-abc.js'))).toBe('cached /assets/index-abc.js');
    online.up = false;
    expect(await w.dispatch('fetch', get('/', 'navigate'))).toBe('cached /index.html');
  });

  it('never answers for /api, other origins or writes', async () => {
    const w = worker('v1', { up: false });
    await w.dispatch('install');
    expect(await w.dispatch('fetch', get('/api/v1/sync/pull?cursor=0'))).toBe('not handled');
    expect(await w.dispatch('fetch', { method: 'GET', url: 'https://example.org/x.js', mode: 'cors' })).toBe('not handled');
    expect(await w.dispatch('fetch', { method: 'POST', url: 'http://127.0.0.1:4173/assets/index-abc.js', mode: 'cors' })).toBe(
      'not handled',
    );
  });

  it("a new build's worker drops the old build's cache when it takes over", async () => {
    const online = { up: true };
    const old = worker('v1', online);
    await old.dispatch('install');
    const next = worker('v2', online);
    for (const [name, store] of old.stores) next.stores.set(name, store);
    await next.dispatch('install');
    await next.dispatch('activate');
    expect([...next.stores.keys()]).toEqual(['youfu-app-v2']);
  });

  it('keeps no font at install; a font chunk is kept the first time it is used, answers offline, and outlives a build that still has it', async () => {
    const online = { up: true };
    const files = ['./index.html', './assets/index-abc.js', './assets/noto-sans-sc-0-400-a1.woff2', './assets/noto-sans-sc-0-400-a1.woff'];
    const w = worker('v1', online, files);
    await w.dispatch('install');
    await w.dispatch('activate');
    expect([...(w.stores.get('youfu-app-v1')?.keys() ?? [])].sort()).toEqual(['/', '/assets/index-abc.js', '/index.html']);
    expect(await w.dispatch('fetch', get('/assets/noto-sans-sc-0-400-a1.woff2'))).toMatchObject({
      body: 'network /assets/noto-sans-sc-0-400-a1.woff2',
    });
    online.up = false;
    expect(await w.dispatch('fetch', get('/assets/noto-sans-sc-0-400-a1.woff2'))).toBe('cached /assets/noto-sans-sc-0-400-a1.woff2');
    // A chunk never used is not there offline: the page falls back to the next font of its stack.
    await expect(w.dispatch('fetch', get('/assets/noto-sans-sc-0-400-a1.woff'))).rejects.toThrow('Failed to fetch');

    // The next build has the same chunk (same content, same name) and one new one: the kept one stays.
    online.up = true;
    const next = worker('v2', online, [...files, './assets/noto-sans-sc-1-400-b2.woff2']);
    for (const [name, store] of w.stores) next.stores.set(name, store);
    await next.dispatch('install');
    await next.dispatch('activate');
    expect([...next.stores.keys()].sort()).toEqual(['youfu-app-v2', 'youfu-fonts']);
    expect([...(next.stores.get('youfu-fonts')?.keys() ?? [])]).toEqual(['/assets/noto-sans-sc-0-400-a1.woff2']);
    // A build without that chunk drops it.
    const later = worker('v3', online, ['./index.html', './assets/index-abc.js', './assets/noto-sans-sc-1-400-b2.woff2']);
    for (const [name, store] of next.stores) later.stores.set(name, store);
    await later.dispatch('install');
    await later.dispatch('activate');
    expect([...(later.stores.get('youfu-fonts')?.keys() ?? [])]).toEqual([]);
  });
});
