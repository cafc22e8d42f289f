import { describe, expect, it } from 'vitest';
import { readDesktopConfig } from './config';

describe('readDesktopConfig', () => {
  it('defaults to the local embedded server, dev tools only unpackaged', () => {
    const dev = readDesktopConfig({}, false);
    expect(dev).toMatchObject({ ok: true, value: { devTools: true, userDataDir: null } });
    expect(dev.ok && dev.value.serverUrl.href).toBe('http://127.0.0.1:8787/');
    expect(readDesktopConfig({}, true)).toMatchObject({ ok: true, value: { devTools: false } });
  });

  it('refuses a plain-http remote server with a clear message', () => {
    expect(readDesktopConfig({ YOUFU_SERVER_URL: 'http://sync.example.cn' }, true)).toEqual({
      ok: false,
      error: 'YOUFU_SERVER_URL must use https (plain http only to this computer): http://sync.example.cn',
    });
  });

  it('takes an https server and a profile folder from the environment', () => {
    const res = readDesktopConfig({ YOUFU_SERVER_URL: 'https://sync.example.cn', YOUFU_USER_DATA: '/tmp/p' }, true);
    expect(res.ok && res.value.serverUrl.origin).toBe('https://sync.example.cn');
    expect(res.ok && res.value.userDataDir).toBe('/tmp/p');
  });
});
