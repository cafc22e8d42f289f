import { expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';
import { confirmSaved } from './support/visitSave';

/**
 * Issue 19: which contact closes which duty. From a hero's profile the form opens on the most
 * overdue duty and its mode; a call cannot close the monthly home visit; closing the dedicated
 * staff member's duty asks first and names them; ¥0.00 of condolence money is refused.
 */
test("the profile opens the visit form on the most overdue duty; a call cannot close a home visit; another's duty asks first", async ({
  page,
}) => {
  await startWithDemoData(page, { recipients: 500, path: '/today' });
  // A hero with an overdue monthly home visit, from the Today list.
  const row = page
    .locator('[data-testid="today-row"][data-hero="1"]', { hasText: '入户走访' })
    .filter({ has: page.getByTestId('due-overdue') })
    .first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.locator('a[href*="#/recipients/"]').first().click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();
  await page.getByTestId('profile-log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();

  // The most overdue of the duties shown is ticked, and the form is on that duty's mode.
  const boxes = page.locator('[data-testid^="occurrence-"][data-due]');
  await expect(boxes.first()).toBeVisible();
  const dues = await boxes.evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute('data-testid'), due: e.getAttribute('data-due')!, kind: e.getAttribute('data-kind') })),
  );
  const earliest = [...dues].sort((a, b) => a.due.localeCompare(b.due))[0]!;
  await expect(page.getByTestId(earliest.id!)).toBeChecked();
  const modeLabel =
    earliest.kind === 'phone_call'
      ? '电话联系'
      : earliest.kind === 'medical_escort' || earliest.kind === 'checkup'
        ? '医院探望'
        : '入户走访';
  await expect(page.getByTestId('visit-mode').getByRole('radio', { name: modeLabel })).toBeChecked();

  // A phone call: the monthly home visit cannot be ticked, and says why; the phone is shown masked.
  const homeVisit = page.locator('[data-testid^="occurrence-"][data-kind="home_visit"]').first();
  await page.getByTestId('visit-mode').getByText('电话联系').click();
  await expect(homeVisit).toBeDisabled();
  await expect(homeVisit).not.toBeChecked();
  await expect(page.getByTestId('occurrence-wrong-mode').first()).toHaveText('须入户走访完成');
  await expect(page.getByTestId('visit-remote-contact')).toBeVisible();
  await screenshot(page, 'h8-01-visit-phone-cannot-close-home-visit-zh');

  // A home visit closes it; it is the dedicated staff member's duty, so saving asks first, by name.
  await page.getByTestId('visit-mode').getByText('入户走访').click();
  await expect(page.getByTestId('visit-remote-contact')).toHaveCount(0);
  await homeVisit.check();
  // ¥0.00 of condolence money is no hand-out.
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('0.00');
  await page.getByTestId('visit-save').click();
  await expect(page.getByText('慰问金金额须大于零')).toBeVisible();
  await page.getByTestId('aid-0-amount').fill('300');
  await page.getByTestId('visit-save').click();
  const confirm = page.getByTestId('confirm-others');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('入户走访 · 每月');
  await expect(confirm).toContainText('负责');
  await screenshot(page, 'h8-02-visit-confirm-others-duty-zh');
  await page.getByRole('button', { name: '确认完成' }).click();
  await expect(page.getByText('走访已保存：帮扶 1 条，诉求 0 条')).toBeVisible();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();
});

/**
 * A phone-call duty from Today opens as a phone contact with the number (masked, one click
 * reveals it). A call not reached keeps the line on Today; a call that got through, saved,
 * returns to Today with the line gone.
 */
test('a call duty from Today: not reached keeps the line, reached returns to Today with the line gone', async ({ page }) => {
  await startWithDemoData(page, { recipients: 500, path: '/today' });
  const row = page.getByTestId('today-row').filter({ hasText: '电话联系' }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  const occurrenceId = await row.getAttribute('data-occurrence');
  await row.getByTestId('log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  await expect(page.getByTestId(`occurrence-${occurrenceId}`)).toBeChecked();
  await expect(page.getByTestId('visit-mode').getByRole('radio', { name: '电话联系' })).toBeChecked();

  // The number, masked; one click shows it whole.
  const phone = page.getByTestId('visit-phones').getByTestId('masked-phone').first();
  await expect(phone).toContainText('****');
  await page.getByTestId('visit-phones').getByRole('button').first().click();
  await expect(phone).not.toContainText('****');

  // 未接通: the duty stays open.
  await page.getByTestId('visit-outcome').getByText('未接通').click();
  await expect(page.getByTestId('occurrence-not-reached')).toBeVisible();
  await expect(page.getByTestId(`occurrence-${occurrenceId}`)).not.toBeChecked();
  await screenshot(page, 'h8-03-visit-call-not-reached-zh');
  await page.getByTestId('visit-notes').fill('电话无人接听，明日再拨');
  await page.getByTestId('visit-save').click();
  await expect(page.getByText('走访已保存：帮扶 0 条，诉求 0 条')).toBeVisible();
  await expect(page).toHaveURL(/#\/today$/);
  await expect(page.locator(`[data-testid="today-row"][data-occurrence="${occurrenceId}"]`)).toHaveCount(1);

  // Called again and reached: back on Today, the line is gone.
  await page.locator(`[data-testid="today-row"][data-occurrence="${occurrenceId}"]`).getByTestId('log-visit').click();
  await expect(page.getByTestId(`occurrence-${occurrenceId}`)).toBeChecked();
  await page.getByTestId('visit-notes').fill('电话联系上，老人身体尚可');
  await page.getByTestId('visit-save').click();
  // The weekly call is the hero's dedicated staff member's: asked first.
  await page.getByRole('button', { name: '确认完成' }).click();
  await expect(page).toHaveURL(/#\/today$/, { timeout: 15_000 });
  await expect(page.locator(`[data-testid="today-row"][data-occurrence="${occurrenceId}"]`)).toHaveCount(0);
  await screenshot(page, 'h8-04-today-after-call-zh');
});

/**
 * Issue 19's wording: a wrong ID number is the one error (no follow-on 性别 / 出生日期), a text
 * too long names its limit, a new need's urgency is 一般 (Normal), and a missing condition
 * rating reads as a dash after its label.
 */
test('errors name the limit, an ID error stands alone, a new need is 一般', async ({ page }) => {
  await startWithDemoData(page, { recipients: 200, path: '/today' });
  const fieldError = (testId: string) =>
    page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

  await page.goto('/#/recipients/new');
  await expect(page.getByTestId('create-recipient-page')).toBeVisible();
  await page.getByTestId('recipient-name').fill('测试对象');
  await page.getByTestId('recipient-idNumber').fill('440304195003074513');
  await page.getByTestId('recipient-save').click();
  await expect(fieldError('recipient-idNumber')).toHaveText('身份证号校验位不正确，请核对后重新输入');
  await expect(fieldError('recipient-gender')).toHaveCount(0);
  await expect(fieldError('recipient-birthDate')).toHaveCount(0);
  await screenshot(page, 'h8-05-recipient-id-error-alone-zh');

  // A phone call logged with the living rating left out: the profile reads 生活：—.
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-row').first().click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();
  const profileUrl = page.url();
  await page.getByTestId('profile-log-visit').click();
  await page.getByTestId('add-need').click();
  await expect(page.getByTestId('need-0-urgency')).toContainText('一般');
  await page.getByTestId('need-0-description').fill('希望协助办理助听器');
  await page.getByTestId('visit-mode').getByText('电话联系').click();
  await page.getByTestId('visit-outcome').getByText('未接通').click();
  await page.getByTestId('visit-health').getByText('良好').click();
  await page.getByTestId('visit-notes').fill('无'.repeat(5001));
  await page.getByTestId('visit-save').click();
  await expect(fieldError('visit-notes')).toHaveText('内容过长，最多 5000 字');
  await page.getByTestId('visit-notes').fill('电话无人接听');
  await page.getByTestId('visit-save').click();
  await confirmSaved(page);
  await expect(page).toHaveURL(profileUrl);
  const entry = page.getByTestId('timeline-visit').filter({ hasText: '电话无人接听' });
  await expect(entry.getByTestId('visit-not-reached')).toHaveText('未接通');
  await expect(entry).toContainText('身体：良好，生活：—，精神：—');
  await screenshot(page, 'h8-06-timeline-not-reached-zh');
});
