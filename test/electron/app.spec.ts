import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ElectronApplication, type Page, _electron, expect, test } from '@playwright/test';
import type { AppApi } from '../../shared/ipc/appApi';
import { findElectronBinary } from './electronBinary';

/*
 * The real app in the real Electron, where the binary exists. Run `npm run build` first.
 * Elsewhere every test is skipped with the reason printed, so a green run here never
 * pretends the Electron shell was exercised.
 */
const binary = findElectronBinary();
if (!binary.ok) console.log(`[electron suite] ${binary.reason}`);

test.describe('Electron app', () => {
  test.skip(!binary.ok, binary.ok ? '' : binary.reason);

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    if (!binary.ok) return;
    profile = mkdtempSync(path.join(tmpdir(), 'youfu-electron-'));
    app = await _electron.launch({
      executablePath: binary.path,
      args: [path.resolve('dist')],
      env: { ...process.env, YOUFU_USER_DATA: profile, YOUFU_SERVER_URL: process.env.YOUFU_SERVER_URL ?? 'http://127.0.0.1:8787' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('opens the app page over app:// with the product title', async () => {
    expect(page.url()).toBe('app://desk/index.html');
    await expect(page).toHaveTitle('优抚工作台');
  });

  test('the page has no Node, no require and no ipcRenderer', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w.require, process: typeof w.process, module: typeof w.module, ipc: typeof w.ipcRenderer };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipc: 'undefined' });
  });

  test('window.app is the narrow bridge, and answers with values', async () => {
    const shape = await page.evaluate(() => {
      const api = (window as unknown as { app: Record<string, Record<string, unknown>> }).app;
      return Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.keys(v).sort()]));
    });
    expect(Object.keys(shape).sort()).toEqual(['app', 'auth', 'log', 'shell', 'sync']);
    const status = await page.evaluate(() => (window as unknown as { app: AppApi }).app.auth.status());
    expect(status).toEqual({ ok: true, value: { state: 'signed_out', session: null, lastUsername: null } });
    const malformed = await page.evaluate(() => (window as unknown as { app: AppApi }).app.sync.pull({ cursor: -1, limit: 0 }));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const locked = await page.evaluate(() => (window as unknown as { app: AppApi }).app.sync.pull({ cursor: 0, limit: 10 }));
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  test('navigation away and new windows are refused', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://desk/index.html');
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('app:// answers carry the strict CSP, and eval is refused', async () => {
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(
      await page.evaluate(() => {
        try {
          return String(eval('1 + 1'));
        } catch (e) {
          return e instanceof Error ? e.name : 'error';
        }
      }),
    ).toBe('EvalError');
  });
});
