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
function worker(version: string, online: { up: boolean }) {
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
    });
  };
  const caches = { open, keys: () => Promise.resolve([...stores.keys()]), delete: (n: string) => Promise.resolve(stores.delete(n)) };
  const fetch = (r: { url: string }) =>
    online.up ? Promise.resolve(`network ${new URL(r.url).pathname}`) : Promise.reject(new TypeError('Failed to fetch'));
  const self = {
    registration: { scope: 'http://127.0.0.1:4173/' },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  };
  runInNewContext(serviceWorkerSource(version, ['./index.html', './assets/index-abc.js']), {
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
});
