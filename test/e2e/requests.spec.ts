import { expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';

/**
 * Issue 16, requests that do not start with a visit: a help-line call about someone not
 * identified yet is taken (Ctrl+Shift+H), refused without a topic, saved with its due date;
 * the clock moves on: it is overdue on Today and escalated to the street in the list; the
 * caller's recipient is linked; it cannot be closed without a call-back, then is.
 */
test('a help-line call becomes a request, goes overdue, escalates to the street, is called back and closed', async ({ page }) => {
  test.setTimeout(180_000);
  await startWithDemoData(page, { recipients: 50, path: '/caseload' });
  await page.getByTestId('caseload-row').first().click();
  const name = await page.getByTestId('profile-name').innerText();

  // The phone rings: Ctrl+Shift+H from anywhere.
  await page.goto('/#/today');
  await expect(page.getByTestId('count-open-requests')).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('new-request-page')).toBeVisible();
  const description = `屋顶漏雨，老人独居，请尽快安排维修 e2e-${Date.now()}`;
  await page.getByTestId('request-caller-name').fill('王女士（烈士遗孀之女）');
  await page.getByTestId('request-caller-phone').fill('13800138000');
  await page.getByTestId('request-unidentified').check();
  await page.getByText('紧急', { exact: true }).click();
  await expect(page.getByTestId('request-due')).toContainText('2026-12-01');
  await page.getByTestId('request-description').fill(description);
  // No topic: a clear sentence beside the field, nothing written.
  await page.getByTestId('request-save').click();
  await expect(page.getByText('请选择诉求类别')).toBeVisible();
  await expect(page.getByTestId('new-request-page')).toBeVisible();
  await page.getByTestId('request-topic').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '住房' }).click();
  await screenshot(page, '120-new-request');
  await page.keyboard.press('Control+s');
  await expect(page).toHaveURL(/#\/requests$/);
  const row = page.locator('tr', { hasText: description });
  await expect(row.getByTestId('request-unidentified-tag')).toBeVisible();
  await expect(row).toContainText('王女士');
  await expect(row.getByTestId('request-overdue')).toHaveCount(0);

  // Five days on, nothing done: overdue on Today, escalated to the street in the list.
  await page.clock.setSystemTime(new Date('2026-12-05T09:00:00+08:00'));
  await page.goto('/#/today');
  await expect(page.getByTestId('count-overdue-requests')).toBeVisible();
  await page.goto('/#/requests');
  await expect(row.getByTestId('request-overdue')).toHaveText('逾期 4 天');
  await expect(row.getByTestId('request-escalated')).toHaveAttribute('data-tier', 'street');
  await screenshot(page, '121-request-overdue-escalated');

  // The caller's mother is on the caseload: the request joins her file.
  await row.getByTestId('request-link').click();
  await page.getByTestId('request-link-picker').locator('input').fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
  await expect(row.getByTestId('request-unidentified-tag')).toHaveCount(0);
  await expect(row).toContainText(name);

  // Not closed without a call-back; then called back, and closed.
  await row.getByTestId('request-resolve').click();
  await page.getByTestId('request-resolution').fill('已联系社区工作站安排维修，12月4日完工');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('办结前须先回访提出诉求的人，并记录回访结果')).toBeVisible();
  const callbackDate = page.getByTestId('request-callback-at');
  await callbackDate.click();
  await callbackDate.fill('2026-12-05');
  await callbackDate.press('Enter');
  await page.getByTestId('request-callback-result').fill('已电话回访王女士，屋顶不再漏雨');
  await page.getByTestId('request-callback-satisfied').getByText('满意', { exact: true }).click();
  await screenshot(page, '122-request-callback');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已更新诉求')).toBeVisible();
  // Closed: gone from the open list, on the recipient's timeline as resolved.
  await expect(row).toHaveCount(0);
  await page.getByTestId('nav-caseload').click();
  await page.getByTestId('caseload-row').filter({ hasText: name }).first().click();
  const onTimeline = page.getByTestId('timeline-request').filter({ hasText: description });
  await expect(onTimeline).toContainText('已解决');
  await onTimeline.scrollIntoViewIfNeeded();
  await screenshot(page, '123-request-closed-on-timeline');

  // The printed 诉求处理单 carries the call-back on record.
  await onTimeline.getByTestId('print-request-open').click();
  const sheet = page.getByTestId('print-request');
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await expect(sheet.getByTestId('print-callback')).toContainText('已电话回访王女士，屋顶不再漏雨');
  await expect(sheet.getByTestId('print-callback')).toContainText('满意');
  await expect(sheet.getByTestId('print-callback')).not.toContainText('手工填写');
  // The caller, the phone masked on paper.
  await expect(sheet).toContainText('王女士（烈士遗孀之女）');
  await expect(sheet).toContainText('138****8000');
  await expect(sheet).not.toContainText('13800138000');
  await screenshot(page, '126-request-sheet-callback');
});
