import { type Page, expect } from '@playwright/test';
import { newClockedPage, test } from './support/test';
import { pinyin } from 'pinyin-pro';
import { SHANGHAI_TIME_ZONE } from '../../shared/calendar/shanghai';
import { screenshot, startWithDemoData } from './support/demo';

/** One demo load (2,000 recipients in the caseworker's community) shared by the tests below. */
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await newClockedPage(browser, { locale: 'zh-CN', timezoneId: SHANGHAI_TIME_ZONE, viewport: { width: 1440, height: 900 } });
  await startWithDemoData(page, { recipients: 2000, path: '/caseload' });
});

test.afterAll(async () => {
  await page.close();
});

const rows = () => page.getByTestId('caseload-row');
const search = () => page.getByTestId('caseload-search');

async function visibleNames(): Promise<string[]> {
  return rows().getByTestId('recipient-name').allInnerTexts();
}

async function typeSearch(text: string): Promise<void> {
  await search().fill('');
  await search().pressSequentially(text, { delay: 40 });
  await expect(page.locator('[data-stale="false"]')).toBeVisible();
  // The lines in view read their rows after the list: wait until none is still blank.
  await expect(page.locator('.yf-caseload-pending')).toHaveCount(0);
}

async function pickCategory(label: string): Promise<void> {
  await page.getByTestId('filter-category').click();
  await page.locator('.ant-select-dropdown:visible').getByText(label, { exact: true }).click();
}

test('lists the whole caseload, masked, heroes badged, sorted by next due date', async () => {
  await expect(page.getByTestId('caseload-count')).toContainText('共 2000 人，当前显示 2000 人', { timeout: 30_000 });
  await expect(rows().first()).toBeVisible();
  // Virtualised: only the rows in view are in the DOM.
  expect(await rows().count()).toBeLessThan(60);

  const ids = await rows().getByTestId('masked-id').allInnerTexts();
  expect(ids.length).toBeGreaterThan(5);
  for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  for (const phone of await rows().getByTestId('masked-phone').allInnerTexts())
    expect(phone).toMatch(/^(1\d{2}\*{4}\d{4}|0755-\*{4}\d{4})$/);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\d{17}[\dX]/);

  // Overdue first: the top row's next-due tag is red.
  await expect(rows().first().getByTestId('due-overdue')).toBeVisible();
  await screenshot(page, '10-caseload-zh');
});

test('search by name finds the person as you type', async () => {
  const name = (await visibleNames())[3]!;
  await typeSearch(name);
  await expect(rows().getByTestId('recipient-name').filter({ hasText: name }).first()).toBeVisible();
  for (const n of await visibleNames()) expect(n).toContain(name);
  await screenshot(page, '11-caseload-search-name');
});

test('search by pinyin initials (张三 → zs)', async () => {
  await typeSearch('');
  const name = (await visibleNames())[5]!;
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase();
  await typeSearch(initials);
  await expect(rows().getByTestId('recipient-name').filter({ hasText: name }).first()).toBeVisible();
  const shown = Number(/当前显示 (\d+) 人/.exec(await page.getByTestId('caseload-count').innerText())?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(2000);
  await screenshot(page, '12-caseload-search-pinyin');
});

test('search by the last 4 characters of the ID number', async () => {
  await typeSearch('');
  const target = rows().nth(2);
  const name = await target.getByTestId('recipient-name').innerText();
  const tail = (await target.getByTestId('masked-id').innerText()).slice(-4);
  await typeSearch(tail);
  await expect(rows().getByTestId('recipient-name').filter({ hasText: name }).first()).toBeVisible();
  const count = await rows().count();
  for (let i = 0; i < count; i++) {
    const row = rows().nth(i);
    const id = await row.getByTestId('masked-id').innerText();
    const phones = await row.getByTestId('masked-phone').allInnerTexts();
    expect(id.endsWith(tail.toUpperCase()) || phones.some((p) => p.endsWith(tail))).toBe(true);
  }
});

test('filter by category shows only that category', async () => {
  await typeSearch('');
  await pickCategory('烈士遗属');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('caseload-count')).not.toContainText('当前显示 2000 人');
  const count = await rows().count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows().nth(i)).toHaveAttribute('data-categories', /\bmartyr_family\b/);
  await screenshot(page, '13-caseload-filter-category');
  await page.getByRole('button', { name: /清除筛选/ }).click();
  await expect(page.getByTestId('caseload-count')).toContainText('当前显示 2000 人');
});

test('combat heroes carry the gold badge', async () => {
  await pickCategory('战斗英雄');
  await page.keyboard.press('Escape');
  // Count only once the filtered list has replaced the full one.
  await expect(page.getByTestId('caseload-count')).not.toContainText('当前显示 2000 人');
  await expect(rows().first()).toBeVisible();
  const count = await rows().count();
  for (let i = 0; i < count; i++) await expect(rows().nth(i).getByTestId('hero-badge')).toBeVisible();
  await page.getByRole('button', { name: /清除筛选/ }).click();
  await expect(page.getByTestId('caseload-count')).toContainText('当前显示 2000 人');
});

test('clicking a row opens the recipient profile', async () => {
  const first = rows().first();
  const id = await first.getAttribute('data-recipient-id');
  const name = await first.getByTestId('recipient-name').innerText();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`#/recipients/${id}$`));
  await expect(page.getByText(name).first()).toBeVisible();
  await screenshot(page, '14-recipient-profile');
  await page.goBack();
  await expect(search()).toBeVisible();
});

test('Today lists overdue and soon-due duties with a one-click log visit', async () => {
  await page.getByTestId('nav-today').click();
  await expect(page.getByRole('heading', { name: '今日待办' })).toBeVisible();
  await expect(page.getByTestId('today-row').first()).toBeVisible();
  // Heroes first.
  await expect(page.getByTestId('today-row').first()).toHaveAttribute('data-hero', '1');
  await screenshot(page, '15-today-zh');
  const first = page.getByTestId('today-row').first();
  await first.getByTestId('log-visit').click();
  await expect(page).toHaveURL(/#\/visit\/new\?recipient=[0-9a-f-]+&occurrence=[0-9a-f-]+/);
  await screenshot(page, '16-log-visit');
});

test('the sync page shows the pending count and that no server is connected', async () => {
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('sync-not-connected')).toContainText('尚未连接服务器');
  await expect(page.getByTestId('sync-pending')).toBeVisible();
  await screenshot(page, '17-sync-zh');
});
