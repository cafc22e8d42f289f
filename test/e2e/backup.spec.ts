import { readFile, writeFile } from 'node:fs/promises';
import { type Page, expect } from '@playwright/test';
import { newClockedContext, test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';

const PASSWORD = 'backup-pass-2026';

async function count(page: Page, key: string): Promise<string> {
  const el = page.getByTestId(`count-${key}`).locator('.ant-statistic-content-value');
  await expect(el).not.toHaveText(/统计中/);
  return el.innerText();
}

async function chooseAndCheck(page: Page, file: string, password: string): Promise<void> {
  await page.getByTestId('backup-restore-file').setInputFiles(file);
  await page.getByTestId('backup-restore-password').fill(password);
  await page.getByTestId('backup-restore-check').click();
}

test('a backup exported from one profile restores into a fresh one; a damaged file is refused', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  await startWithDemoData(page, { recipients: 200, path: '/settings' });
  await expect(page.getByTestId('storage-card')).toBeVisible();
  await expect(page.getByTestId('storage-usage')).toBeVisible();
  const original = {
    recipients: await count(page, 'recipients'),
    visits: await count(page, 'visits'),
    outbox: await count(page, 'outbox'),
  };
  expect(original.recipients).toBe('200');
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  await page.getByTestId('backup-card').scrollIntoViewIfNeeded();
  await screenshot(page, '60-settings-storage-backup');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('backup-card')).toContainText('Backup and restore');
  await expect(page.getByTestId('storage-card')).toContainText('Persistent storage');
  await page.getByTestId('backup-card').scrollIntoViewIfNeeded();
  await screenshot(page, '65-settings-storage-backup-en');
  await page.getByTestId('language-switch').getByText('中文').click();

  await page.getByTestId('backup-export').click();
  await page.getByTestId('backup-export-password').fill(PASSWORD);
  await page.getByTestId('backup-export-password-again').fill(PASSWORD);
  await screenshot(page, '63-backup-export-dialog');
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export-submit').click()]);
  expect(download.suggestedFilename()).toMatch(/^youfu-backup-\d{4}-\d{2}-\d{2}\.ydb$/);
  const file = testInfo.outputPath('backup.ydb');
  await download.saveAs(file);
  const bytes = await readFile(file);
  testInfo.annotations.push({ type: 'backup', description: `${bytes.length} bytes, exported in ${Date.now() - started} ms` });
  expect(bytes.subarray(0, 12).toString('latin1')).toBe('YOUFU-BACKUP');

  // A fresh browser profile with other (smaller) demo data of the same account.
  const fresh = await newClockedContext(browser);
  // This profile's disk is nearly full: the storage card warns.
  await fresh.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: () => Promise.resolve({ usage: 8.6e9, quota: 1e10 }) });
  });
  const other = await fresh.newPage();
  await startWithDemoData(other, { recipients: 50, path: '/settings' });
  expect(await count(other, 'recipients')).toBe('50');
  await expect(other.getByTestId('storage-warning')).toContainText('存储空间已用 86%');
  await other.getByTestId('storage-card').scrollIntoViewIfNeeded();
  await screenshot(other, '64-storage-nearly-full');

  // A damaged copy is refused with the zh-CN message, and nothing changes.
  const damaged = Buffer.from(bytes);
  const at = Math.floor(damaged.length / 2);
  damaged[at] = damaged[at]! ^ 0xff;
  const damagedFile = testInfo.outputPath('damaged.ydb');
  await writeFile(damagedFile, damaged);
  await chooseAndCheck(other, damagedFile, PASSWORD);
  await expect(other.getByTestId('backup-restore-error')).toContainText('备份密码不正确，或备份文件已损坏');
  await other.getByTestId('backup-restore-error').scrollIntoViewIfNeeded();
  await screenshot(other, '61-backup-damaged');
  expect(await count(other, 'recipients')).toBe('50');

  // The real file: the header is shown first, then the restore replaces the data.
  let t0 = Date.now();
  await chooseAndCheck(other, file, PASSWORD);
  await expect(other.getByTestId('backup-preview-counts')).toContainText('服务对象 200');
  const checkMs = Date.now() - t0;
  await other.getByTestId('backup-restore-confirm').scrollIntoViewIfNeeded();
  await screenshot(other, '62-backup-restore-preview');
  t0 = Date.now();
  await other.getByTestId('backup-restore-confirm').click();
  await expect(other.getByTestId('count-recipients').locator('.ant-statistic-content-value')).toHaveText(original.recipients, {
    timeout: 30_000,
  });
  testInfo.annotations.push({ type: 'restore', description: `checked in ${checkMs} ms, replaced in ${Date.now() - t0} ms` });
  expect(await count(other, 'visits')).toBe(original.visits);
  expect(await count(other, 'outbox')).toBe(original.outbox);
  await fresh.close();
});
