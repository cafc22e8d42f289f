import { type Page, expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot } from './support/demo';
import { signIn, waitUntilSynced } from './support/session';

/**
 * Issue 13, finding 7: a visit draft lives sealed in the account's own database. It survives a
 * reload for the account that typed it; another account signed in on the same browser profile
 * never sees it; nothing of it is in localStorage, and the previous version's clear drafts there
 * are removed at start-up.
 */
const LEGACY_KEY = 'youfu-desk:visit-draft:11111111-0000-4000-8000-000000000001';

async function openVisitForm(page: Page, recipientId: string): Promise<void> {
  await page.goto(`/#/visit/new?recipient=${recipientId}`);
  await expect(page.getByTestId('log-visit-page')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('visit-notes')).toBeVisible();
}

/** Every localStorage entry of the origin, as text. */
async function localStorageText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(Object.entries(window.localStorage)));
}

/** Every IndexedDB database's `drafts` store, raw (no app code), as text. */
async function rawDrafts(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      if (db.objectStoreNames.contains('drafts')) {
        out.push(
          await new Promise<unknown>((resolve, reject) => {
            const req = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error ?? new Error('read failed'));
          }),
        );
      }
      db.close();
    }
    return JSON.stringify(out, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));
  });
}

test('a visit draft is the account’s own: sealed, kept across a reload, never shown to another account', async ({ page }) => {
  // A clear draft left by the previous version: removed unread at start-up.
  await page.goto('/');
  await page.evaluate(
    (key) => window.localStorage.setItem(key, JSON.stringify({ savedAt: 'x', values: { notes: '旧版草稿' } })),
    LEGACY_KEY,
  );
  await page.reload();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  expect(await page.evaluate((key) => window.localStorage.getItem(key), LEGACY_KEY)).toBeNull();

  await signIn(page, 'demo-caseworker');
  await waitUntilSynced(page);
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-row').first().click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible({ timeout: 30_000 });
  const recipientId = /#\/recipients\/([^?]+)/.exec(page.url())?.[1];
  expect(recipientId).toBeTruthy();

  await openVisitForm(page, recipientId!);
  const notes = `老人腰疼加重，需陪同复诊 草稿-${Date.now()}`;
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('876.50');
  // Writes are at most 300 ms behind the last keystroke.
  await page.waitForTimeout(800);

  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('visit-notes')).toHaveValue(notes);
  await expect(page.getByTestId('aid-0-amount')).toHaveValue('876.50');
  await screenshot(page, '28-visit-draft-restored-zh');

  // Nothing of the draft in localStorage; in IndexedDB only sealed bytes.
  const storage = await localStorageText(page);
  expect(storage).not.toContain('visit-draft');
  expect(storage).not.toContain(notes);
  expect(storage).not.toContain('876.50');
  const raw = await rawDrafts(page);
  expect(raw).toContain(`visit/${recipientId}`);
  expect(raw).not.toContain(notes);
  expect(raw).not.toContain('876.50');

  // Another account of the same station, same browser profile: an empty form.
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await signIn(page, 'demo-hero');
  await waitUntilSynced(page);
  await openVisitForm(page, recipientId!);
  await expect(page.getByTestId('visit-notes')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(page.getByTestId('aid-0-amount')).toHaveCount(0);

  // The caseworker comes back: the draft is still there; discarding it deletes it.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'demo-caseworker');
  await openVisitForm(page, recipientId!);
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('visit-notes')).toHaveValue(notes);
  await page.getByTestId('draft-restored').getByRole('button').click();
  await expect(page.getByTestId('visit-notes')).toHaveValue('');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('visit-notes')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  expect(await rawDrafts(page)).not.toContain(`visit/${recipientId}`);
});
