import { expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot } from './support/demo';
import { signIn, waitUntilSynced } from './support/session';

/**
 * Issue 19: reloading the browser shell without network showed Chromium's English error page.
 * The built app keeps itself in a service worker's cache (scripts/offlineCache.ts) after the
 * first visit: offline, a reload opens the app with its data from IndexedDB.
 */
test('after a first visit the browser shell reloads offline, with its data', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'demo-caseworker');
  await waitUntilSynced(page);
  await page.goto('/#/today');
  const firstRow = page.getByTestId('today-row').first();
  await expect(firstRow).toBeVisible({ timeout: 30_000 });
  const lines = await page.getByTestId('today-row').count();
  // The offline cache has taken over this page.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('today-row')).toHaveCount(lines, { timeout: 30_000 });
  await screenshot(page, '78-offline-reload-today');
  await page.goto('/#/caseload');
  await expect(page.getByTestId('caseload-row').first()).toBeVisible({ timeout: 30_000 });
  await screenshot(page, '79-offline-reload-caseload');

  // Nothing of the server's API is kept: only the app's own files.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  expect(cached).toContain('/index.html');
  expect(cached.some((u) => u.startsWith('/assets/'))).toBe(true);
  expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
  await page.context().setOffline(false);
});
