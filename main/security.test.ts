import { describe, expect, it, vi } from 'vitest';
import { buildCsp, withCsp } from './csp';
import { isAllowedExternalUrl, openExternalSafely } from './externalLinks';
import {
  type NavigationEvent,
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
  hardenSession,
  hardenWebContents,
  secureWebPreferences,
} from './security';
import { APP_PAGE, MemoryLog } from './testing/fakes';

const ALLOW = ['www.mva.gov.cn', 'www.gov.cn'];

class FakeContents implements WebContentsLike {
  readonly handlers = new Map<string, (event: NavigationEvent) => void>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: (event: NavigationEvent) => void): this {
    this.handlers.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Fires an event and reports whether the listener stopped it. */
  fire(event: string, url: string): boolean {
    const e = {
      url,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    this.handlers.get(event)?.(e);
    return e.prevented;
  }
}

function hardenedContents() {
  const contents = new FakeContents();
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  hardenWebContents(contents, { externalAllowList: ALLOW, shell, log: new MemoryLog() });
  return { contents, shell };
}

function hardenedSession() {
  let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null = null;
  let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] | null = null;
  let headers: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] | null = null;
  const session: SessionLike = {
    setPermissionRequestHandler: (h) => {
      request = h;
    },
    setPermissionCheckHandler: (h) => {
      check = h;
    },
    webRequest: {
      onHeadersReceived: (l) => {
        headers = l;
      },
    },
  };
  hardenSession(session, buildCsp(), new MemoryLog());
  const ask = (permission: string, url: string, mediaTypes?: ('video' | 'audio')[]) =>
    new Promise<boolean>((resolve) =>
      request!(null, permission, resolve, mediaTypes ? { requestingUrl: url, mediaTypes } : { requestingUrl: url }),
    );
  const checkPermission = (p: string, origin: string, mediaType?: 'video' | 'audio' | 'unknown') =>
    check!(null, p, origin, mediaType ? { mediaType } : {});
  return { ask, check: checkPermission, headers: () => headers! };
}

describe('security checklist', () => {
  describe('1. window: sandboxed, isolated, no Node, no webviews', () => {
    const prefs = secureWebPreferences('/app/dist/main/preload.cjs', { devTools: false });
    it.each([
      ['sandbox', true],
      ['contextIsolation', true],
      ['nodeIntegration', false],
      ['nodeIntegrationInWorker', false],
      ['nodeIntegrationInSubFrames', false],
      ['webviewTag', false],
      ['webSecurity', true],
      ['allowRunningInsecureContent', false],
      ['experimentalFeatures', false],
      ['navigateOnDragDrop', false],
      ['spellcheck', false],
      ['devTools', false],
    ] as const)('%s is %s', (key, value) => {
      expect(prefs[key]).toBe(value);
    });
    it('loads the preload from the given path', () => expect(prefs.preload).toBe('/app/dist/main/preload.cjs'));
  });

  describe('2. strict CSP', () => {
    const NONCE = 'q83vEjRWeJq8ze8SNFZ4mg==';
    const csp = buildCsp({ styleNonce: NONCE });
    const directive = (name: string, policy = csp) => policy.split('; ').find((d) => d.startsWith(`${name} `));
    it.each([
      ['default-src', "default-src 'self'"],
      ['script-src', "script-src 'self'"],
      ['style-src', `style-src 'self' 'nonce-${NONCE}'`],
      ['object-src', "object-src 'none'"],
      ['base-uri', "base-uri 'none'"],
      ['frame-ancestors', "frame-ancestors 'none'"],
      ['frame-src', "frame-src 'none'"],
      ['form-action', "form-action 'none'"],
      // The renderer talks only to main (IPC); main talks to the sync server.
      ['connect-src', "connect-src 'self'"],
    ])('%s', (name, expected) => expect(directive(name)).toBe(expected));
    it('never allows inline or eval script, inline style elements, nor a wildcard anywhere', () => {
      expect(directive('script-src')).not.toMatch(/unsafe|\*/);
      expect(directive('style-src')).not.toMatch(/unsafe/);
      expect(csp).not.toContain('*');
    });
    it('without a nonce (anything but the app page) allows no inline style element at all', () => {
      expect(directive('style-src', buildCsp())).toBe("style-src 'self'");
    });
    it.each(["abc' 'unsafe-inline", 'q83vEjRWeJq8ze8SNFZ4mg==; script-src *', '', 'short'])('refuses %j as a nonce', (nonce) =>
      expect(() => buildCsp({ styleNonce: nonce })).toThrow(),
    );
    it('replaces a CSP the response brought, in any letter case', () => {
      expect(withCsp({ 'content-security-policy': ['default-src *'], 'X-A': 'b' }, csp)).toEqual({
        'Content-Security-Policy': [csp],
        'X-A': ['b'],
      });
    });
    it('is applied to every response the session sees', () => {
      const { headers } = hardenedSession();
      let seen: Record<string, string | string[]> | undefined;
      headers()({ url: 'http://127.0.0.1:5173/', responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r) => {
        seen = r.responseHeaders;
      });
      expect(seen?.['Content-Security-Policy']).toEqual([buildCsp()]);
    });
    it('keeps the CSP of the app page, which names its nonce, and adds ours where an app:// answer has none', () => {
      const { headers } = hardenedSession();
      const seen: (Record<string, string | string[]> | undefined)[] = [];
      const own = { 'content-security-policy': [csp] };
      headers()({ url: 'app://desk/index.html', responseHeaders: own }, (r) => seen.push(r.responseHeaders));
      headers()({ url: 'app://desk/assets/x.js', responseHeaders: {} }, (r) => seen.push(r.responseHeaders));
      headers()({ url: 'app://evil/index.html', responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r) =>
        seen.push(r.responseHeaders),
      );
      expect(seen).toEqual([own, { 'Content-Security-Policy': [buildCsp()] }, { 'Content-Security-Policy': [buildCsp()] }]);
    });
  });

  describe('3. navigation and redirects stay inside app://desk', () => {
    it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s to the app itself proceeds', (event) => {
      expect(hardenedContents().contents.fire(event, 'app://desk/index.html#/visits')).toBe(false);
    });
    it.each([
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'file:///etc/passwd'],
      ['will-navigate', 'app://evil/index.html'],
      ['will-redirect', 'https://www.gov.cn/'],
      ['will-frame-navigate', 'https://evil.example/'],
    ])('%s to %s is prevented', (event, url) => {
      expect(hardenedContents().contents.fire(event, url)).toBe(true);
    });
    it('a clicked allow-listed link opens in the browser instead, a redirect never does', () => {
      const { contents, shell } = hardenedContents();
      contents.fire('will-navigate', 'https://www.gov.cn/zhengce/');
      contents.fire('will-redirect', 'https://www.mva.gov.cn/');
      expect(shell.openExternal).toHaveBeenCalledTimes(1);
      expect(shell.openExternal).toHaveBeenCalledWith('https://www.gov.cn/zhengce/');
    });
  });

  describe('4. new windows are denied', () => {
    it.each(['https://www.gov.cn/', 'https://evil.example/', 'app://desk/index.html', 'about:blank'])('window.open(%s) → deny', (url) => {
      const { contents } = hardenedContents();
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    });
    it('only an allow-listed https link reaches the browser', () => {
      const { contents, shell } = hardenedContents();
      contents.openHandler?.({ url: 'https://www.gov.cn/' });
      contents.openHandler?.({ url: 'https://evil.example/' });
      expect(shell.openExternal).toHaveBeenCalledTimes(1);
    });
  });

  describe('5. webviews cannot be attached', () => {
    it('will-attach-webview is prevented', () => {
      const { contents } = hardenedContents();
      const event: PreventableEvent & { prevented: boolean } = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      (contents.handlers.get('will-attach-webview') as (e: PreventableEvent) => void)(event);
      expect(event.prevented).toBe(true);
    });
  });

  describe('6. permissions are denied, but for storage and the camera', () => {
    it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'fullscreen', 'unknown'])(
      '%s is refused even for the app page when it names no camera',
      async (permission) => {
        const { ask, check } = hardenedSession();
        expect(await ask(permission, APP_PAGE)).toBe(false);
        expect(check(permission, 'app://desk')).toBe(false);
      },
    );
    it.each(['display-capture', 'geolocation', 'notifications', 'persistent-storage-x'])(
      '%s is refused even when it says "video"',
      async (permission) => {
        const { ask, check } = hardenedSession();
        expect(await ask(permission, APP_PAGE, ['video'])).toBe(false);
        expect(check(permission, 'app://desk', 'video')).toBe(false);
      },
    );
    it('persistent storage is granted to the app page only', async () => {
      const { ask, check } = hardenedSession();
      expect(await ask('persistent-storage', APP_PAGE)).toBe(true);
      expect(check('persistent-storage', 'app://desk')).toBe(true);
      expect(await ask('persistent-storage', 'https://evil.example/')).toBe(false);
    });
    it('the camera (media, video only) is granted to the app page', async () => {
      const { ask, check } = hardenedSession();
      expect(await ask('media', APP_PAGE, ['video'])).toBe(true);
      expect(check('media', 'app://desk', 'video')).toBe(true);
    });
    it.each([
      ['video and audio', ['video', 'audio']],
      ['audio alone', ['audio']],
      ['no kind at all', []],
    ] as const)('media asking for %s is refused: no microphone, ever', async (_, kinds) => {
      const { ask } = hardenedSession();
      expect(await ask('media', APP_PAGE, [...kinds])).toBe(false);
    });
    it.each(['audio', 'unknown'] as const)('a media check for %s is refused', (kind) => {
      expect(hardenedSession().check('media', 'app://desk', kind)).toBe(false);
    });
    it.each([
      ['https://evil.example/', 'https://evil.example'],
      ['app://evil/index.html', 'app://evil'],
      ['app://desk.evil/index.html', 'app://desk.evil'],
      ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ])('the camera is refused to %s', async (url, origin) => {
      const { ask, check } = hardenedSession();
      expect(await ask('media', url, ['video'])).toBe(false);
      expect(check('media', origin, 'video')).toBe(false);
    });
  });

  describe('7. external links only https to allow-listed hosts', () => {
    it.each([
      ['https://www.gov.cn/', true],
      ['https://WWW.GOV.CN/a?b=c', true],
      ['http://www.gov.cn/', false],
      ['https://www.gov.cn.evil.example/', false],
      ['https://evil.example/?www.gov.cn', false],
      ['https://user:pw@www.gov.cn/', false],
      ['https://www.gov.cn:8443/', false],
      ['file:///C:/Windows/system32/calc.exe', false],
      ['javascript:alert(1)', false],
      ['smb://host/share', false],
      ['ms-msdt:/id PCWDiagnostic', false],
      ['not a url', false],
    ])('%s → %s', async (url, allowed) => {
      expect(isAllowedExternalUrl(url, ALLOW)).toBe(allowed);
      const shell = { openExternal: vi.fn(() => Promise.resolve()) };
      expect(await openExternalSafely(url, ALLOW, shell)).toBe(allowed);
      expect(shell.openExternal).toHaveBeenCalledTimes(allowed ? 1 : 0);
    });
  });
});
