import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSP_NONCE_PATTERN, CSP_NONCE_PLACEHOLDER } from '../shared/csp/nonce';
import { createAppProtocolHandler, resolveAppRequest } from './appProtocol';

const ROOT = path.resolve('/srv/app/dist/renderer');

describe('resolveAppRequest', () => {
  it.each([
    ['app://desk/', 'index.html', 'text/html; charset=utf-8'],
    ['app://desk', 'index.html', 'text/html; charset=utf-8'],
    ['app://desk/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://desk/index.html?x=1#/visits', 'index.html', 'text/html; charset=utf-8'],
    ['app://desk/assets/index-Ab12.js', 'assets/index-Ab12.js', 'text/javascript; charset=utf-8'],
    ['app://desk/assets/index-Ab12.css', 'assets/index-Ab12.css', 'text/css; charset=utf-8'],
    ['app://desk/assets/logo.svg', 'assets/logo.svg', 'image/svg+xml'],
    ['app://desk/assets/font.woff2', 'assets/font.woff2', 'font/woff2'],
    ['app://desk/icon.PNG', 'icon.PNG', 'image/png'],
    ['app://desk/assets/%E5%9B%BE.png', 'assets/图.png', 'image/png'],
    ['app://desk/data.bin', 'data.bin', 'application/octet-stream'],
  ])('%s → %s (%s)', (url, rel, mime) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ kind: 'file', filePath: path.join(ROOT, rel), mimeType: mime });
  });

  it.each([
    ['parent segments', 'app://desk/../../etc/passwd'],
    ['a parent segment in the middle', 'app://desk/assets/../../secret'],
    ['encoded dots', 'app://desk/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', 'app://desk/%2E%2e/secret'],
    ['half-encoded dots', 'app://desk/.%2e/secret'],
    ['an encoded slash', 'app://desk/..%2f..%2fetc%2fpasswd'],
    ['backslashes', 'app://desk/..\\..\\windows\\win.ini'],
    ['encoded backslashes', 'app://desk/..%5c..%5cwin.ini'],
    ['a null byte', 'app://desk/index.html%00.png'],
    ['a raw null byte', 'app://desk/index.html\0.png'],
    ['a Windows drive', 'app://desk/C:/Windows/win.ini'],
    ['an encoded drive', 'app://desk/C%3A/Windows/win.ini'],
    ['an alternate data stream', 'app://desk/index.html::$DATA'],
    ['a single dot segment', 'app://desk/./index.html'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://desk.evil/index.html'],
    ['a port', 'app://desk:8080/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(url, ROOT)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('treats a double slash as an ordinary path inside the root, not an absolute path', () => {
    expect(resolveAppRequest('app://desk//etc/passwd', ROOT)).toEqual({
      kind: 'file',
      filePath: path.join(ROOT, 'etc/passwd'),
      mimeType: 'application/octet-stream',
    });
  });

  it('answers 404 for an undecodable path', () => {
    expect(resolveAppRequest('app://desk/%E0%A4%A', ROOT)).toMatchObject({ kind: 'refused', status: 404 });
  });
});

describe('createAppProtocolHandler', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'youfu-protocol-'));
  const root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><title>优抚工作台</title><script type="module" nonce="${CSP_NONCE_PLACEHOLDER}" src="./assets/app.js"></script>`,
  );
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'token=abc');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'escape.txt'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const csp = (nonce?: string) => (nonce === undefined ? "default-src 'self'" : `default-src 'self'; style-src 'nonce-${nonce}'`);
  const handler = createAppProtocolHandler({ rootDir: root, csp });

  it('serves index.html for / with the CSP and nosniff', async () => {
    const res = await handler({ url: 'app://desk/', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'; style-src 'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('优抚工作台');
  });

  it('gives every page load a fresh style nonce, in the page and in its CSP alike', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await handler({ url: 'app://desk/index.html', method: 'GET' });
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? '';
      const html = await res.text();
      expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(html).toContain(`<script type="module" nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(3);
    expect(nonces.every((n) => CSP_NONCE_PATTERN.test(n))).toBe(true);
  });

  it('gives no nonce to what is not a page', async () => {
    const res = await handler({ url: 'app://desk/assets/app.js', method: 'GET' });
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
  });

  it('serves a script as text/javascript', async () => {
    const res = await handler({ url: 'app://desk/assets/app.js', method: 'GET' });
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a folder, with the CSP (no nonce) still on', async () => {
    for (const url of ['app://desk/missing.js', 'app://desk/assets']) {
      const res = await handler({ url, method: 'GET' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    }
  });

  it('refuses a symlink that leads out of the app folder', async () => {
    const res = await handler({ url: 'app://desk/assets/escape.txt', method: 'GET' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('token');
  });

  it('refuses traversal with 403 and anything but GET or HEAD with 405', async () => {
    expect((await handler({ url: 'app://desk/%2e%2e/secret.txt', method: 'GET' })).status).toBe(403);
    expect((await handler({ url: 'app://desk/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler({ url: 'app://desk/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
