import { expect, test } from '@playwright/test';
import { screenshot, startWithDemoData } from './support/demo';

/**
 * (a) A caseworker logs a home visit from Today with an aid item and a need, the form survives
 * a reload as a draft, and after saving and reloading the profile shows the visit, the aid,
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

  // The occurrence named in the link is preselected (the test id sits on the radio input);
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
  await expect(page.getByText('走访已保存：帮扶 1 条，诉求 1 条')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/recipients/${recipientId}$`));

  await page.reload();
  const profile = page.getByTestId('recipient-profile');
  await expect(profile).toBeVisible({ timeout: 30_000 });
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-visit').filter({ hasText: notes })).toBeVisible();
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
