import { describe, expect, it, vi } from 'vitest';
import { parseServerUrl } from './serverUrl';
import { type FetchLike, createSyncClient } from './syncClient';

const loginOk = {
  token: 'tok-secret',
  serverId: 'srv',
  serverTime: 't',
  expiresAt: '2030-01-01T00:00:00.000Z',
  scopes: ['4403'],
  user: { id: 'u1', name: '张敏', username: 'zhangmin', role: 'caseworker', stationCode: '440304001001' },
};

function fakeFetch(status: number, body: unknown) {
  return vi.fn<FetchLike>(() =>
    Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      json: () => (body instanceof Error ? Promise.reject(body) : Promise.resolve(body)),
      arrayBuffer: () => Promise.reject(new Error('not used')),
    }),
  );
}

function client(fetch: FetchLike, url = 'https://sync.example.cn/base/') {
  const parsed = parseServerUrl(url);
  if (!parsed.ok) throw new Error(parsed.error);
  return createSyncClient({ serverUrl: parsed.value, fetch });
}

describe('syncClient', () => {
  it('logs in without a token and returns the validated answer', async () => {
    const fetch = fakeFetch(200, loginOk);
    const res = await client(fetch).login({ username: 'zhangmin', password: 'pw', deviceId: 'device-0001' });
    expect(res).toEqual({ ok: true, value: loginOk });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://sync.example.cn/base/api/v1/auth/login');
    expect(init.headers.authorization).toBeUndefined();
    expect(init.redirect).toBe('error');
  });

  it('sends the bearer token on push and pull, with the pull query', async () => {
    const fetch = fakeFetch(200, { changes: [], cursor: 5, hasMore: false, remaining: 0, serverTime: 't' });
    await client(fetch).pull('tok-secret', { cursor: 3, limit: 100, clientId: 'client-0001' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://sync.example.cn/base/api/v1/sync/pull?cursor=3&limit=100&clientId=client-0001');
    expect(init.headers.authorization).toBe('Bearer tok-secret');
    expect(init.method).toBe('GET');
  });

  it.each([
    ['a protocol error body', 409, { error: { code: 'must_refetch', message: 'cursor too old' } }, 'must_refetch'],
    ['a 401 without a body shape', 401, { nope: 1 }, 'unauthorized'],
    ['a 429', 429, new Error('not json'), 'rate_limited'],
    ['a 502 page', 502, new Error('not json'), 'internal'],
    ['a success in the wrong shape', 200, { lastSeq: 'x' }, 'internal'],
  ])('turns %s into a value', async (_what, status, body, code) => {
    const res = await client(fakeFetch(status, body)).push('tok', {
      protocolVersion: 1,
      schemaVersion: 1,
      clientId: 'client-0001',
      mutations: [],
    });
    expect(res).toMatchObject({ ok: false, error: { code } });
  });

  it('turns a network failure into network', async () => {
    const fetch = vi.fn<FetchLike>(() => Promise.reject(new TypeError('fetch failed')));
    expect(await client(fetch).logout('tok')).toEqual({ ok: false, error: { code: 'network', message: 'fetch failed' } });
  });

  it('maps the logout answer to null', async () => {
    expect(await client(fakeFetch(200, { ok: true })).logout('tok')).toEqual({ ok: true, value: null });
  });
});

describe('parseServerUrl', () => {
  it.each([
    ['https://sync.example.cn', true],
    ['http://127.0.0.1:8787', true],
    ['http://localhost:8787/', true],
    ['http://[::1]:8787', true],
    ['http://sync.example.cn', false],
    ['http://127.0.0.1.evil.example', false],
    ['https://user:pw@sync.example.cn', false],
    ['ftp://sync.example.cn', false],
    ['not a url', false],
  ])('%s → %s', (url, accepted) => {
    expect(parseServerUrl(url).ok).toBe(accepted);
  });
});
