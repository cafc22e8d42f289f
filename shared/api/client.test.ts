import { describe, expect, it } from 'vitest';
import { type FetchInit, type FetchLike, codeForStatus, createApiClient, createLoginClient } from './client';
import { type RouteName, apiRoutes } from './routes';

function recorder(status: number, body: unknown) {
  const calls: { url: string; init: FetchInit }[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, init });
    return Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      json: () => (body instanceof Error ? Promise.reject(body) : Promise.resolve(body)),
    });
  };
  return { calls, fetch };
}

describe('createApiClient', () => {
  it('puts path parameters in the path and the rest in the body, with the token', async () => {
    const { calls, fetch } = recorder(404, { error: { code: 'not_found', message: 'no conflict 7' } });
    const res = await createApiClient({ baseUrl: 'https://sync.example.cn/base/', fetch, token: 'tok-1' }).call('resolveConflict', {
      id: 7,
      resolution: 'keep_winner',
    });
    expect(res).toEqual({ ok: false, error: { code: 'not_found', status: 404, message: 'no conflict 7' } });
    expect(calls[0]!.url).toBe('https://sync.example.cn/base/api/v1/conflicts/7/resolve');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', body: '{"resolution":"keep_winner"}', redirect: 'error' });
    expect(calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer tok-1', 'content-type': 'application/json' });
  });

  it('writes the query in the schema’s order and leaves out what is undefined', async () => {
    const { calls, fetch } = recorder(200, {});
    await createApiClient({ baseUrl: '', fetch, token: () => null }).call('review', { station: undefined, week: '2026-11-23' });
    await createApiClient({ baseUrl: '', fetch, token: () => null }).call('pull', { limit: 100, cursor: 3, clientId: 'client-0001' });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/review?week=2026-11-23',
      '/api/v1/sync/pull?cursor=3&limit=100&clientId=client-0001',
    ]);
    expect(calls[0]!.init.headers.authorization).toBeUndefined();
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it('checks a success against the route’s response schema', async () => {
    const { fetch } = recorder(200, { conflicts: 'none' });
    expect(await createApiClient({ baseUrl: '', fetch, token: 't' }).call('conflicts', { status: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'internal', status: 200 },
    });
  });

  it('signs in without a token', async () => {
    const { calls, fetch } = recorder(429, new Error('not json'));
    const res = await createLoginClient({ baseUrl: '', fetch }).login({ username: 'zhangmin', password: 'pw', deviceId: 'device-0001' });
    expect(res).toMatchObject({ ok: false, error: { code: 'rate_limited', status: 429 } });
    expect(calls[0]!.init.headers.authorization).toBeUndefined();
  });
});

describe('codeForStatus: a status without a code in its body', () => {
  it.each<[RouteName, number, string]>([
    ['review', 403, 'forbidden_role'],
    ['pull', 403, 'forbidden_scope'],
    ['push', 409, 'clock_skew'],
    ['pull', 409, 'must_refetch'],
    ['resolveConflict', 409, 'conflict'],
    ['push', 400, 'validation_failed'],
    ['push', 401, 'unauthorized'],
    ['push', 429, 'rate_limited'],
    ['health', 503, 'storage_unavailable'],
    ['push', 502, 'internal'],
    ['push', 418, 'validation_failed'],
  ])('%s %i → %s', (route, status, code) => {
    expect(codeForStatus(apiRoutes[route], status)).toBe(code);
  });
});
