import { type Page, expect } from '@playwright/test';

export type DemoAccountKey = 'caseworker' | 'hero' | 'supervisor';

/** Where every screen's screenshot goes; each one is looked at by a person after the run. */
export const SCREENSHOT_DIR = 'test-screenshots';

/**
 * Opens the app in the test's fresh browser profile (empty IndexedDB and localStorage) and
 * loads demo data through the start screen's explicit URL option, then waits for the shell.
 */
export async function startWithDemoData(
  page: Page,
  options: { recipients?: number; account?: DemoAccountKey; path?: string } = {},
): Promise<void> {
  const recipients = options.recipients ?? 2000;
  const account = options.account ?? 'caseworker';
  const path = options.path ?? '/today';
  await page.goto(`/#${path}?demoRecipients=${recipients}&demoAccount=${account}`);
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 110_000 });
}

/** Waits for spinners and their fade-out to finish, so the picture shows the settled screen. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
}

/** The visible labels of the side navigation, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="nav-"]').allInnerTexts();
}
