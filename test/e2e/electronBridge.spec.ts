import { type APIRequestContext, type Page, expect } from '@playwright/test';
import { test } from './support/test';
import { type DesktopHarness, installDesktopHarness } from './support/bridge/desktopHarness';
import { screenshot } from './support/demo';
import { E2E_SERVER_URL, E2E_WEB_URL } from './support/ports';
import { waitUntilSynced } from './support/session';
import { confirmSaved } from './support/visitSave';

/**
 * Issue 5's desktop journeys in Chromium: `window.app` is the real preload API, and every call
 * goes through `page.exposeBinding` to main's real modules in Node (IPC registry, auth session,
 * token vault with real AES, offline unlock, sync client to the e2e central server, idle lock).
 */
const SERVER = E2E_SERVER_URL;
const PAGE_ORIGIN = E2E_WEB_URL;

let harness: DesktopHarness;

test.beforeEach(async ({ page }) => {
  harness = await installDesktopHarness(page, { serverUrl: SERVER, pageOrigin: PAGE_ORIGIN });
});

test.afterEach(() => {
  harness.dispose();
});

async function signIn(page: Page): Promise<void> {
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('login-username').fill('demo-caseworker');
  await page.getByTestId('login-password').fill('demo-pass');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
}

async function logVisitOffline(page: Page, notes: string): Promise<void> {
  await page.goto('/#/today');
  const firstRow = page.getByTestId('today-row').first();
  await expect(firstRow).toBeVisible({ timeout: 30_000 });
  await firstRow.getByTestId('log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  await page.getByTestId('visit-mode').getByText('电话联系').click();
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.press('Control+s');
  await confirmSaved(page);
}

/** Whether the district supervisor's pull from the server holds a visit with these notes. */
async function serverHasVisit(request: APIRequestContext, notes: string): Promise<boolean> {
  const login = await request.post(`${SERVER}/api/v1/auth/login`, {
    data: { username: 'demo-supervisor', password: 'demo-pass', deviceId: 'e2e-bridge-check' },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  let cursor = 0;
  for (let n = 0; n < 100; n++) {
    const res = await request.get(`${SERVER}/api/v1/sync/pull?cursor=${cursor}&limit=5000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { changes: { table: string; row: { notes?: string } | null }[]; cursor: number; hasMore: boolean };
    if (body.changes.some((c) => c.table === 'visits' && c.row?.notes === notes)) return true;
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  return false;
}

test('desktop bridge: online sign-in, idle lock, offline unlock, logout with a pending visit that syncs at the next sign-in', async ({
  page,
  request,
}) => {
  await test.step('(a) first online sign-in through window.app bootstraps over IPC', async () => {
    await page.goto('/');
    expect(await page.evaluate(() => typeof window.app?.auth.login)).toBe('function');
    await signIn(page);
    await waitUntilSynced(page);
    expect(harness.calls).toContain('auth:login');
    expect(harness.calls).toContain('sync:pull');
    // The token stayed in main: nothing in the page's storage.
    expect(await page.evaluate(() => sessionStorage.getItem('youfu-desk.token'))).toBeNull();
  });

  const userName = (await page.getByTestId('session-user').locator('strong').first().innerText()).trim();
  expect(userName.length).toBeGreaterThan(0);

  await test.step('(b) idle locks; the lock screen shows no personal data; the password unlocks offline', async () => {
    await page.goto('/#/today');
    await expect(page.getByTestId('today-row').first()).toBeVisible({ timeout: 30_000 });
    harness.simulateIdle(10 * 60);
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId('nav-today')).toHaveCount(0);
    await expect(page.getByTestId('today-row')).toHaveCount(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain('已锁定');
    expect(text).not.toContain(userName);
    expect(text).not.toContain('demo-caseworker');
    expect(text).not.toMatch(/街道|社区/);
    await screenshot(page, '60-desktop-lock-screen');

    // The central server is unreachable: the unlock is offline.
    harness.setServerReachable(false);
    await page.context().setOffline(true);
    await page.getByTestId('unlock-password').fill('wrong-pass');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error')).toContainText('密码不正确');
    await page.getByTestId('unlock-password').fill('demo-pass');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('session-user')).toContainText(userName);
  });

  const notes = `桌面端离线走访 e2e-${Date.now()}`;
  await test.step('(c) a visit logged offline survives sign-out and syncs at the next online sign-in', async () => {
    await logVisitOffline(page, notes);
    await page.goto('/#/sync');
    await expect(page.getByTestId('sync-pending')).not.toContainText(/^0$/);
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('login-screen')).toBeVisible();

    harness.setServerReachable(true);
    await page.context().setOffline(false);
    await signIn(page);
    await waitUntilSynced(page);
    expect(await serverHasVisit(request, notes)).toBe(true);
  });

  await test.step('the header lock button locks at once; the password unlocks again', async () => {
    await page.goto('/#/today');
    await screenshot(page, '61-desktop-shell-with-lock-button');
    await page.getByTestId('lock-now').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByTestId('unlock-password').fill('demo-pass');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
  });
});
