import { expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';
import { confirmSaved } from './support/visitSave';
import { typeDate } from './support/datePicker';

/**
 * (a) A caseworker logs a home visit from Today with an aid item and a need, the form survives
 * a reload as a draft, saving returns to Today without the line, and the profile shows the visit, the aid,
 * the new request and the duty's moved due date; the request is on the Requests list.
 */
test('a caseworker logs a home visit with aid and a need, and finds it all after a reload', async ({ page }) => {
  await startWithDemoData(page, { recipients: 500, path: '/today' });

  const firstRow = page.getByTestId('today-row').first();
  await expect(firstRow).toBeVisible({ timeout: 30_000 });
  await firstRow.getByTestId('log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();

  const url = new URL(page.url().replace('#', ''));
  const recipientId = url.searchParams.get('recipient');
  const occurrenceId = url.searchParams.get('occurrence');
  expect(recipientId).toBeTruthy();
  expect(occurrenceId).toBeTruthy();

  // The occurrence named in the link is preselected (the test id sits on the checkbox input);
  // remember its duty and due date.
  const occurrence = page.getByTestId(`occurrence-${occurrenceId}`);
  await expect(occurrence).toBeChecked();
  const dutyId = await occurrence.getAttribute('data-duty');
  const dueBefore = await occurrence.getAttribute('data-due');
  expect(dutyId).toBeTruthy();

  await page.getByTestId('visit-mode').getByText('入户走访').click();
  const notes = `入户走访，老人精神良好，家中整洁 ${Date.now()}`;
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('500');
  await page.getByTestId('aid-0-approver').fill('李站长');
  await page.getByTestId('add-need').click();
  const need = '希望协助申请助听器适配';
  await page.getByTestId('need-0-description').fill(need);

  // A crash or a closed window loses nothing: the draft comes back after a reload.
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('visit-notes')).toHaveValue(notes);
  await expect(page.getByTestId('aid-0-amount')).toHaveValue('500');
  await expect(page.getByTestId('need-0-description')).toHaveValue(need);
  await screenshot(page, '20-visit-form-zh');

  // Ctrl+S saves from the keyboard.
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.press('Control+s');
  // Today lists heroes first: their duties are their dedicated staff member's, so saving asks first.
  await confirmSaved(page, '走访已保存：帮扶 1 条，诉求 1 条');
  // Started from Today, it returns to Today, with the line just done gone.
  await expect(page).toHaveURL(/#\/today$/);
  await expect(page.locator(`[data-testid="today-row"][data-occurrence="${occurrenceId}"]`)).toHaveCount(0);

  await page.goto(`/#/recipients/${recipientId}`);
  const profile = page.getByTestId('recipient-profile');
  await expect(profile).toBeVisible({ timeout: 30_000 });
  const timeline = page.getByTestId('timeline');
  // Two shared CPU cores: give the live queries after a reload some room.
  await expect(timeline.getByTestId('timeline-visit').filter({ hasText: notes })).toBeVisible({ timeout: 15_000 });
  await expect(timeline.getByTestId('timeline-aid').filter({ hasText: '¥500.00' }).first()).toBeVisible();
  await expect(timeline.getByTestId('timeline-request').filter({ hasText: need })).toBeVisible();

  // The duty's next due date moved past the one just done.
  const nextDue = page.getByTestId(`duty-${dutyId}`).getByTestId('next-due');
  await expect(nextDue).toBeVisible();
  const dueAfter = await nextDue.getAttribute('data-due');
  expect(dueAfter).not.toBeNull();
  expect(dueAfter! > dueBefore!).toBe(true);
  await screenshot(page, '21-profile-after-visit-zh');

  // The need is now an open request on the Requests list, linked to the visit that raised it.
  await page.goto('/#/requests');
  const request = page.getByTestId('requests-page').locator('tr', { hasText: need });
  await expect(request).toBeVisible();
  await expect(request.getByTestId('request-status')).toHaveText('待处理');
  await expect(request.getByTestId('request-visit')).toBeVisible();
  await screenshot(page, '22-requests-zh');
});

/**
 * The profile's own actions: a wrong aid entry is voided with a required reason (and stays,
 * struck through), a festival plan is added and deactivated, and marking the recipient
 * deceased stops every duty. Then the same screens in English.
 */
test('void aid with a reason, add and deactivate a duty plan, and a death stops all duties', async ({ page }) => {
  await startWithDemoData(page, { recipients: 500, path: '/caseload' });
  await page.getByTestId('caseload-row').nth(2).click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();
  const profileUrl = page.url();

  // Log a visit with ¥200 of aid, then void that aid entry.
  await page.getByTestId('profile-log-visit').click();
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('200');
  await page.getByTestId('visit-save').click();
  await confirmSaved(page);
  await expect(page).toHaveURL(profileUrl);
  const aid = page.getByTestId('timeline-aid').filter({ hasText: '¥200.00' }).first();
  await aid.getByTestId('void-aid').click();
  const dialog = page.getByRole('dialog');
  // antd puts a space between the two characters of a button label: 作 废.
  await dialog.getByRole('button', { name: /作\s?废/ }).click();
  await expect(dialog.getByText('作废须填写原因')).toBeVisible();
  await page.getByTestId('void-reason-input').fill('金额录入错误，应为 300 元');
  await screenshot(page, '23-void-aid-dialog-zh');
  await dialog.getByRole('button', { name: /作\s?废/ }).click();
  const voided = page.locator('[data-testid="timeline-aid"][data-voided="true"]').filter({ hasText: '¥200.00' });
  await expect(voided).toBeVisible();
  await expect(voided.getByTestId('void-reason')).toHaveText('已作废：金额录入错误，应为 300 元');
  await expect(voided.getByTestId('void-aid')).toHaveCount(0);

  // Add a Mid-Autumn plan: its next date is shown with the lunar date.
  const midAutumnRows = page.getByTestId('duties').locator('tr', { hasText: '入户走访 · 中秋节' });
  const before = await midAutumnRows.count();
  await page.getByTestId('add-duty').click();
  await page.getByTestId('duty-recurrence').click();
  await page.locator('.ant-select-dropdown:visible').getByText('节日', { exact: true }).click();
  await page.getByTestId('duty-festival').click();
  await page.locator('.ant-select-dropdown:visible').getByText('中秋节', { exact: true }).click();
  await screenshot(page, '24-duty-plan-dialog-zh');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(midAutumnRows).toHaveCount(before + 1);
  const added = midAutumnRows.filter({ hasText: '自定' }).last();
  await expect(added.getByTestId('next-due')).toContainText('农历八月十五');

  // Deactivate it.
  await added.getByRole('button', { name: /停\s?用/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(page.getByTestId('duties').locator('tr', { hasText: '入户走访 · 中秋节' }).filter({ hasText: '已停用' })).toHaveCount(1);

  // Deceased: with a date, every duty stops and no visit can be logged any more.
  await page.getByTestId('profile-status-change').click();
  await page.getByTestId('status-radio').getByText('已故').click();
  await typeDate(page.getByTestId('status-date'), '2026-11-20');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(page.getByTestId('profile-status')).toHaveText('已故（2026-11-20）');
  await expect(page.getByTestId('duties').getByTestId('next-due')).toHaveCount(0);
  await expect(page.getByTestId('profile-log-visit')).toBeDisabled();
  await screenshot(page, '25-profile-deceased-zh');

  // The same screens in English.
  await page.goto('/#/settings');
  await page.getByTestId('language-switch').getByText('English').click();
  await page.goto(profileUrl);
  await expect(page.getByTestId('profile-status')).toHaveText('Deceased (2026-11-20)');
  await expect(page.getByTestId('duties')).toContainText('Mid-Autumn Festival');
  await screenshot(page, '26-profile-en');
  await page.goto('/#/requests');
  await expect(page.getByTestId('requests-page')).toContainText('Requests');
  await screenshot(page, '27-requests-en');
  await page.goto('/#/visit/new');
  await expect(page.getByTestId('log-visit-page')).toContainText('Log a visit');
  await screenshot(page, '28-visit-pick-recipient-en');
  await page.goto('/#/recipients/new');
  await page.getByTestId('recipient-save').click();
  await expect(page.getByTestId('create-recipient-page')).toContainText('Enter a name');
  await screenshot(page, '29-create-recipient-en');
});
