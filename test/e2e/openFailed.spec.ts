import { readFile } from 'node:fs/promises';
import { type Page, expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';

/**
 * Issue 5, storage health: a database that cannot be opened gets a clear message and a restore
 * offer, never a silent wipe. Here the key the data was sealed with is gone (a reset keychain, a
 * cleared key store): the database is intact but unreadable with the key this session has.
 */
const PASSWORD = 'backup-pass-2026';

async function recipientsCount(page: Page): Promise<string> {
  const el = page.getByTestId('count-recipients').locator('.ant-statistic-content-value');
  await expect(el).not.toHaveText(/统计中/, { timeout: 30_000 });
  return el.innerText();
}

test('a database that will not open gets a clear message and a restore offer; the restore leaves the unreadable one untouched', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await startWithDemoData(page, { recipients: 120, path: '/settings' });
  expect(await recipientsCount(page)).toBe('120');
  const dbName = (await page.getByTestId('settings-db-name').innerText()).trim();
  expect(dbName).toMatch(/^station-local-demo-/);

  await page.getByTestId('backup-export').click();
  await page.getByTestId('backup-export-password').fill(PASSWORD);
  await page.getByTestId('backup-export-password-again').fill(PASSWORD);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export-submit').click()]);
  const file = testInfo.outputPath('backup.ydb');
  await download.saveAs(file);
  expect((await readFile(file)).subarray(0, 12).toString('latin1')).toBe('YOUFU-BACKUP');

  // The data's key is lost: the next start gets a new one, which cannot read the sealed rows.
  const removed = await page.evaluate(`(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('youfu-desk.demoKeys.'));
    keys.forEach((k) => localStorage.removeItem(k));
    return keys.length;
  })()`);
  expect(removed).toBe(1);

  await page.reload();
  const failed = page.getByTestId('db-open-failed');
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await expect(failed).toContainText('本机数据的密钥不匹配');
  await expect(failed).toContainText('数据没有被改动或删除');
  await screenshot(page, '68-db-open-failed');

  // Retrying cannot help; a wrong password is refused and nothing changes.
  await page.getByTestId('db-open-retry').click();
  await expect(failed).toBeVisible();
  await page.getByTestId('db-restore-file').setInputFiles(file);
  await page.getByTestId('db-restore-password').fill('not-the-password');
  await page.getByTestId('db-restore-submit').click();
  await expect(page.getByTestId('db-restore-error')).toContainText('备份密码不正确，或备份文件已损坏');

  await page.getByTestId('db-restore-password').fill(PASSWORD);
  await page.getByTestId('db-restore-submit').click();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 60_000 });
  await page.goto('/#/settings');
  expect(await recipientsCount(page)).toBe('120');
  await expect(page.getByTestId('settings-db-name')).toContainText(`${dbName}-restored-`);

  // The unreadable database is still there, with all its rows.
  const kept = await page.evaluate<number>(`new Promise((resolve, reject) => {
    const req = indexedDB.open(${JSON.stringify(dbName)});
    req.onsuccess = () => {
      const tx = req.result.transaction('recipients');
      const count = tx.objectStore('recipients').count();
      count.onsuccess = () => { req.result.close(); resolve(count.result); };
    };
    req.onerror = () => reject(req.error);
  })`);
  expect(kept).toBe(120);

  // And the account keeps using the restored database after a restart.
  await page.reload();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/caseload');
  await expect(page.getByTestId('caseload-count')).toContainText('120', { timeout: 30_000 });
});
