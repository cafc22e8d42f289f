import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type Page, expect } from '@playwright/test';
import { test } from './support/test';
import { idNumberCheckChar } from '../../shared/validation/idNumber';
import { installDesktopHarness } from './support/bridge/desktopHarness';
import { screenshot } from './support/demo';
import { E2E_SERVER_URL, E2E_WEB_URL } from './support/ports';
import { signIn, waitUntilSynced } from './support/session';
import { pullUntil, signInApi } from './support/api';

/**
 * Issue 5 item 5 and issue 13 finding 8: the local database keeps names, birth dates, ID
 * numbers, phones and addresses only sealed (AES-256-GCM). After a bootstrap from the central
 * server and a recipient registered on this device, every record of every object store, read
 * with the plain IndexedDB API, holds none of them in clear; the profile still shows them, and
 * a name, its pinyin initials and an ID tail still find the person.
 */

/** Every record of every object store of every database of this origin, as JSON text; bytes summarised. */
const RAW_INDEXEDDB_DUMP = `(async () => {
  const out = {};
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open(info.name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const store of Array.from(db.objectStoreNames)) {
      out[info.name + '/' + store] = await new Promise((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
  }
  return JSON.stringify(out, (key, value) =>
    value instanceof Uint8Array || value instanceof ArrayBuffer ? '<' + value.byteLength + ' sealed bytes>' : value);
})()`;

async function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate<string>(RAW_INDEXEDDB_DUMP);
}

interface ServerRecipient {
  id: string;
  name: string;
  birthDate: string;
  idNumber: string;
  phones: string[];
  address: string;
}

/** A recipient of the caseworker's scope as the server holds it (what the bootstrap brings down). */
async function serverRecipient(request: APIRequestContext): Promise<ServerRecipient> {
  const api = await signInApi(request, 'demo-caseworker', 'e2e-at-rest-check');
  let found: ServerRecipient | null = null;
  await pullUntil(
    api,
    (page) => {
      for (const c of page.changes) {
        const row = c.row as Partial<ServerRecipient> | null;
        if (!found && c.table === 'recipients' && row && (row.phones?.length ?? 0) > 0 && (row.address?.length ?? 0) > 4)
          found = row as ServerRecipient;
      }
      return found !== null;
    },
    2000,
    50,
  );
  if (!found) throw new Error('no recipient with a phone and an address on the server');
  return found;
}

function expectNoPlaintext(dump: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(dump.includes(secret), `"${secret}" found in clear in IndexedDB`).toBe(false);
}

test('no name, birth date, ID number, phone or address in clear in any IndexedDB store; the profile shows them and a name, initials and an ID tail find the person', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const pulled = await serverRecipient(request);
  await signIn(page);
  await waitUntilSynced(page);

  // Registered on this device while offline: its mutation waits in the outbox.
  await page.context().setOffline(true);
  const first17 = '44030419350612071';
  const created = {
    name: '加密测试',
    idNumber: first17 + idNumberCheckChar(first17),
    phone: '13700135246',
    address: '福田区园岭街道百花二路 99 号',
  };
  await page.goto('/#/recipients/new');
  await expect(page.getByTestId('create-recipient-page')).toBeVisible();
  await page.getByTestId('recipient-name').fill(created.name);
  await page.getByTestId('recipient-idNumber').fill(created.idNumber);
  await page.getByTestId('recipient-phone-0').fill(created.phone);
  await page.getByTestId('recipient-address').fill(created.address);
  await page.getByTestId('recipient-save').click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();

  const secrets = [
    pulled.name,
    pulled.birthDate,
    pulled.idNumber,
    ...pulled.phones,
    pulled.address,
    created.name,
    '1935-06-12',
    created.idNumber,
    created.phone,
    created.address,
  ];
  const offlineDump = await rawIndexedDb(page);
  expect(offlineDump).toContain('sealed bytes');
  expectNoPlaintext(offlineDump, secrets);

  // The profile opens the sealed fields.
  await page.getByTestId('reveal-sensitive').click();
  await expect(page.getByTestId('profile-idNumber')).toHaveText(created.idNumber);
  await expect(page.getByTestId('profile-phones')).toContainText(created.phone);
  await expect(page.getByTestId('profile-address')).toHaveText(created.address);
  await screenshot(page, '90-at-rest-profile-revealed');

  // Search by the last 4 of the ID number (stored only as an HMAC) finds the pulled person.
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-search').fill(pulled.idNumber.slice(-4));
  const rows = page.getByTestId('caseload-row');
  await expect(rows.getByTestId('recipient-name').filter({ hasText: pulled.name }).first()).toBeVisible({ timeout: 30_000 });
  await expect(rows.filter({ hasText: pulled.name }).first().getByTestId('masked-id')).toHaveText(
    `${pulled.idNumber.slice(0, 6)}********${pulled.idNumber.slice(-4)}`,
  );
  await screenshot(page, '91-at-rest-search-by-id-tail');
  await page.getByTestId('caseload-search').fill(created.phone.slice(-4));
  await expect(rows.getByTestId('recipient-name').filter({ hasText: created.name }).first()).toBeVisible({ timeout: 30_000 });
  // Names are stored only as keyed tokens of their prefixes: the name, a prefix and the pinyin
  // initials (加密测试: jmcs) still find the person.
  for (const [text, name] of [
    [pulled.name, pulled.name],
    [created.name.slice(0, 2), created.name],
    ['jmcs', created.name],
  ] as const) {
    await page.getByTestId('caseload-search').fill(text);
    await expect(rows.getByTestId('recipient-name').filter({ hasText: name }).first()).toBeVisible({ timeout: 30_000 });
  }

  // Back online: the push sends the real values, and the store still holds none in clear.
  await page.context().setOffline(false);
  await waitUntilSynced(page);
  expectNoPlaintext(await rawIndexedDb(page), secrets);
});

test('desktop: main hands the keys over only while unlocked; locking drops them, unlocking opens the data again', async ({ page }) => {
  test.setTimeout(240_000);
  const harness = await installDesktopHarness(page, { serverUrl: E2E_SERVER_URL, pageOrigin: E2E_WEB_URL });
  try {
    await page.goto('/');
    await signIn(page);
    await waitUntilSynced(page);
    expect(harness.calls).toContain('db:keys');
    const keys = await page.evaluate(() => window.app!.db.keys());
    expect(keys.ok).toBe(true);
    const dataKey = keys.ok ? keys.value.dataKey : '';
    // At rest in main the keys exist only sealed (safeStorage).
    const keyFile = readFileSync(path.join(harness.userDataDir, 'data-keys.bin')).toString('latin1');
    expect(keyFile).not.toContain(dataKey);

    await page.goto('/#/caseload');
    await page.getByTestId('caseload-row').first().click();
    await expect(page.getByTestId('recipient-profile')).toBeVisible();
    const profileUrl = page.url();
    await page.getByTestId('reveal-sensitive').click();
    const idNumber = await page.getByTestId('profile-idNumber').innerText();
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);

    await page.getByTestId('lock-now').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    expect(await page.locator('body').innerText()).not.toContain(idNumber);
    // Locked: main refuses the keys, and the page keeps none of them anywhere it could read later.
    expect(await page.evaluate(() => window.app!.db.keys())).toMatchObject({ ok: false, error: { code: 'locked' } });
    const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(storage).not.toContain(dataKey);
    expectNoPlaintext(await rawIndexedDb(page), [idNumber]);
    await screenshot(page, '92-at-rest-desktop-locked');

    await page.getByTestId('unlock-password').fill('demo-pass');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
    await page.goto(profileUrl);
    await page.getByTestId('reveal-sensitive').click();
    await expect(page.getByTestId('profile-idNumber')).toHaveText(idNumber);
  } finally {
    harness.dispose();
  }
});
