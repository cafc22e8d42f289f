import { expect } from '@playwright/test';
import { test } from './support/test';
import { navLabels, screenshot, startWithDemoData } from './support/demo';

const ZH_NAV = ['今日', '服务对象', '诉求', '台账', '同步', '设置'];
const EN_NAV = ['Today', 'Caseload', 'Requests', 'Ledger', 'Sync', 'Settings'];

test('a fresh profile opens on the sign-in screen in zh-CN, with the offline demo one link away', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('优抚工作台');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('login-submit')).toHaveText(/登\s*录/);
  await expect(page.getByTestId('login-demo-hint')).toContainText('demo-caseworker');
  await screenshot(page, '00-login');
  await page.getByTestId('login-offline-demo').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(page.getByRole('button', { name: /加载演示数据/ })).toBeVisible();
  await expect(page.getByTestId('account-caseworker')).toContainText('服务站工作人员');
  await screenshot(page, '01-start-screen');
});

test('loading demo data shows progress, then the shell with who is signed in and where', async ({ page }) => {
  await page.goto('/#/demo');
  await page.getByTestId('demo-size').getByText('500 人').click();
  await page.getByTestId('load-demo').click();
  await expect(page.getByTestId('demo-progress')).toBeVisible();
  await expect(page.getByTestId('demo-progress')).toContainText('已写入');
  await screenshot(page, '02-start-loading');
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 110_000 });

  await expect(page.getByTestId('session-user')).toContainText('李晓敏');
  await expect(page.getByTestId('session-role')).toHaveText('服务站工作人员');
  await expect(page.getByTestId('session-station')).toHaveText('福田区 园岭街道 皇岗社区');
  await expect(page.getByTestId('online-indicator')).toContainText('在线');
  expect(await navLabels(page)).toEqual(ZH_NAV);
});

test('the shell is zh-CN by default and switching to English changes every visible label', async ({ page }) => {
  await startWithDemoData(page, { recipients: 500, path: '/settings' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await navLabels(page)).toEqual(ZH_NAV);
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.getByTestId('count-recipients')).toContainText('500');
  await screenshot(page, '03-settings-zh');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Youfu Desk');
  expect(await navLabels(page)).toEqual(EN_NAV);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('session-role')).toHaveText('Station caseworker');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const nav = (await navLabels(page)).join(' ');
  for (const zh of [...ZH_NAV, '我的英雄']) expect(nav).not.toContain(zh);
  await screenshot(page, '04-settings-en');

  // Every page follows, antd's own texts included (the table's pagination, empty states).
  await page.getByTestId('nav-today').click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('count-overdue')).toContainText('Overdue');
  await expect(page.getByRole('button', { name: /Log visit/ }).first()).toBeVisible();
  await screenshot(page, '05-today-en');
  await page.getByTestId('nav-caseload').click();
  await expect(page.getByRole('columnheader', { name: 'ID number' })).toBeVisible();
  await expect(page.getByPlaceholder(/pinyin initials/)).toBeVisible();
  await screenshot(page, '06-caseload-en');

  // The choice persists over a reload, and switching back restores every Chinese label.
  await page.reload();
  await expect(page.getByTestId('nav-today')).toBeVisible();
  expect(await navLabels(page)).toEqual(EN_NAV);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-switch').getByText('中文').click();
  expect(await navLabels(page)).toEqual(ZH_NAV);
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
});

test('the dedicated staff member sees 我的英雄, and Ctrl+F / Ctrl+N jump to search and the visit form', async ({ page }) => {
  await startWithDemoData(page, { recipients: 500, account: 'hero' });
  expect(await navLabels(page)).toEqual(['今日', '服务对象', '我的英雄', '诉求', '台账', '同步', '设置']);
  await expect(page.getByTestId('session-role')).toHaveText('专责人员');

  await page.keyboard.press('Control+f');
  await expect(page).toHaveURL(/#\/caseload/);
  await expect(page.getByTestId('caseload-search')).toBeFocused();

  await page.keyboard.press('Control+n');
  await expect(page).toHaveURL(/#\/visit\/new/);
});

test('an unknown route shows a translated not-found page; going offline changes nothing but the indicator', async ({ page, context }) => {
  await startWithDemoData(page, { recipients: 500, path: '/nowhere' });
  await expect(page.getByText('没有这个页面')).toBeVisible();
  await page.getByRole('button', { name: '回到今日' }).click();
  await expect(page.getByRole('heading', { name: '今日待办' })).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByTestId('online-indicator')).toContainText('离线');
  await page.getByTestId('nav-caseload').click();
  await expect(page.getByTestId('caseload-row').first()).toBeVisible();
  await page.getByTestId('nav-today').click();
  await expect(page.getByTestId('today-row').first()).toBeVisible();
  await screenshot(page, '07-today-offline');
  await context.setOffline(false);
  await expect(page.getByTestId('online-indicator')).toContainText('在线');
});
