import { type Page, expect } from '@playwright/test';

/** Signs in online from the sign-in screen as a demo account (password `demo-pass`). */
export async function signIn(page: Page, username = 'demo-caseworker'): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo-pass');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
}

/** Waits on the Sync page until a sync has succeeded, nothing is pending and the engine is idle. */
export async function waitUntilSynced(page: Page): Promise<void> {
  await page.goto('/#/sync');
  await expect(page.getByTestId('sync-last-success')).not.toHaveText(/从未|Never/, { timeout: 90_000 });
  await expect(page.getByTestId('sync-pending')).toContainText('0', { timeout: 60_000 });
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
}
