import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { newClockedContext, test } from './support/test';
import { parseBackup } from '../../shared/backup/format';
import { type DesktopHarness, installDesktopHarness } from './support/bridge/desktopHarness';
import { screenshot } from './support/demo';
import { E2E_SERVER_URL, E2E_WEB_URL } from './support/ports';

/**
 * Issue 5's daily backup in the desktop app: `window.app` is the real preload API and main's
 * real backup module runs in Node behind it (folder choice answered by the harness).
 */
const PASSWORD = 'daily-backup-2026';
let harness: DesktopHarness;

test.beforeEach(async ({ page }) => {
  harness = await installDesktopHarness(page, { serverUrl: E2E_SERVER_URL, pageOrigin: E2E_WEB_URL });
});

test.afterEach(() => {
  harness.dispose();
});

test("desktop: switching on daily backups writes today's encrypted backup into the chosen folder; it restores into a fresh profile", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  // The desktop sign-in offers no browser-only offline demo link.
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await expect(page.getByTestId('login-offline-demo')).toHaveCount(0);
  await page.getByTestId('login-username').fill('demo-caseworker');
  await page.getByTestId('login-password').fill('demo-pass');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/sync');
  await expect(page.getByTestId('sync-last-success')).not.toHaveText(/从未|Never/, { timeout: 90_000 });
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });

  await page.goto('/#/settings');
  const card = page.getByTestId('daily-backup-card');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByTestId('daily-backup-state')).toHaveText('未开启');
  await card.getByTestId('daily-backup-enable').click();
  await expect(page.getByTestId('daily-backup-form')).toContainText(harness.backupFolder);
  await page.getByTestId('daily-backup-password').fill(PASSWORD);
  await page.getByTestId('daily-backup-password-again').fill(PASSWORD);
  await screenshot(page, '66-daily-backup-enable');
  await page.getByTestId('daily-backup-save').click();

  await expect(card.getByTestId('daily-backup-state')).toHaveText('已开启');
  await expect(card.getByTestId('daily-backup-last')).toContainText(/youfu-backup-\d{4}-\d{2}-\d{2}-\w+\.ydb/, { timeout: 60_000 });
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '67-daily-backup-on');

  const files = readdirSync(harness.backupFolder);
  expect(files).toHaveLength(1);
  const bytes = new Uint8Array(readFileSync(path.join(harness.backupFolder, files[0]!)));
  const header = await parseBackup(bytes, PASSWORD, {
    expected: { databaseName: 'unused', accountId: '00000000-0000-4000-8000-00000000d003' },
    allowSameAccountFreshProfile: true,
  });
  expect(header.ok).toBe(true);
  if (header.ok) expect(header.value.tables.recipients?.length ?? 0).toBeGreaterThan(0);
  expect((await parseBackup(bytes, 'a-wrong-password', { expected: { databaseName: 'unused', accountId: 'x' } })).ok).toBe(false);
  // The backup password is kept only sealed in main's folder.
  for (const f of readdirSync(harness.userDataDir)) {
    if (f.endsWith('.bin') || f.endsWith('.json'))
      expect(readFileSync(path.join(harness.userDataDir, f), 'latin1')).not.toContain(PASSWORD);
  }

  // "Back up now" the same day replaces today's file rather than adding one.
  await card.getByTestId('daily-backup-now').click();
  await expect(page.getByText(/已备份：youfu-backup/)).toBeVisible();
  expect(readdirSync(harness.backupFolder)).toHaveLength(1);
  const recipients = await page.getByTestId('count-recipients').locator('.ant-statistic-content-value').innerText();

  // A fresh profile on another computer: the same account signs in, and restores the file.
  const context = await newClockedContext(browser);
  const fresh = await context.newPage();
  const freshHarness = await installDesktopHarness(fresh, { serverUrl: E2E_SERVER_URL, pageOrigin: E2E_WEB_URL });
  try {
    await fresh.goto('/');
    await fresh.getByTestId('login-username').fill('demo-caseworker');
    await fresh.getByTestId('login-password').fill('demo-pass');
    await fresh.getByTestId('login-submit').click();
    await expect(fresh.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
    await fresh.goto('/#/settings');
    await fresh.getByTestId('backup-restore-file').setInputFiles(path.join(harness.backupFolder, files[0]!));
    await fresh.getByTestId('backup-restore-password').fill(PASSWORD);
    await fresh.getByTestId('backup-restore-check').click();
    await expect(fresh.getByTestId('backup-preview-counts')).toContainText(`服务对象 ${recipients}`);
    await fresh.getByTestId('backup-restore-confirm').click();
    await expect(fresh.getByTestId('count-recipients').locator('.ant-statistic-content-value')).toHaveText(recipients, { timeout: 30_000 });
    await fresh.goto('/#/caseload');
    await expect(fresh.getByTestId('caseload-row').first()).toBeVisible({ timeout: 30_000 });
  } finally {
    freshHarness.dispose();
    await context.close();
  }
});
