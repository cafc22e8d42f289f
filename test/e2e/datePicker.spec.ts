import { expect } from '@playwright/test';
import { test } from './support/test';
import { idNumberCheckChar } from '../../shared/validation/idNumber';
import { screenshot, startWithDemoData } from './support/demo';
import { pickerPopup, typeDate } from './support/datePicker';
import { confirmSaved } from './support/visitSave';

/**
 * Every date field is Ant Design's picker showing `YYYY-MM-DD` (with `HH:mm` for a visit's
 * time), whatever the browser's locale: a native date input showed `11/30/2026` in an English
 * browser. Its calendar speaks the app's language, and the form keeps the date as typed.
 */
test('a visit time is picked in a zh-CN calendar and saved as shown', async ({ page }) => {
  await startWithDemoData(page, { recipients: 200, path: '/caseload' });
  await page.getByTestId('caseload-row').nth(3).click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();
  const profileUrl = page.url();
  await page.getByTestId('profile-log-visit').click();

  const when = page.getByLabel('走访时间');
  await expect(when).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await when.click();
  await when.fill('2026-11-27 08:05');
  const popup = pickerPopup(page);
  await expect(popup.locator('.ant-picker-date-panel .ant-picker-header-view')).toHaveText('2026年11月');
  await expect(popup.locator('.ant-picker-date-panel thead th')).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
  // A click on another day keeps the typed time; 确定 takes it.
  await popup.locator('td[title="2026-11-25"]').click();
  await expect(when).toHaveValue('2026-11-25 08:05');
  await screenshot(page, '80-visit-date-picker-zh');
  await popup.getByRole('button', { name: /确\s?定/ }).click();
  await expect(pickerPopup(page)).toHaveCount(0);
  await expect(when).toHaveValue('2026-11-25 08:05');

  // Enter confirms a typed time without saving the visit; Ctrl+S saves it.
  await typeDate(when, '2026-11-26 18:40');
  await expect(page).not.toHaveURL(profileUrl);
  await page.getByTestId('visit-notes').fill('日期选择器录入的走访');
  await page.getByTestId('visit-notes').press('Control+s');
  await confirmSaved(page);
  await expect(page).toHaveURL(profileUrl);
  await expect(page.getByTestId('timeline-visit').filter({ hasText: '日期选择器录入的走访' })).toContainText('2026-11-26 18:40');
});

test.describe('in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('a birth date reads YYYY-MM-DD and its calendar is in English', async ({ page }) => {
    await startWithDemoData(page, { recipients: 200, path: '/settings' });
    await page.getByTestId('language-switch').getByText('English').click();
    await page.goto('/#/recipients/new');
    await expect(page.getByTestId('create-recipient-page')).toBeVisible();

    const first17 = '44030419500307451';
    await page.getByTestId('recipient-idNumber').fill(first17 + idNumberCheckChar(first17));
    const birth = page.getByLabel('Birth date');
    await expect(birth).toHaveValue('1950-03-07');
    await birth.click();
    const popup = pickerPopup(page);
    await expect(popup.locator('.ant-picker-header-view')).toHaveText('Mar1950');
    await expect(popup.locator('thead th').first()).toHaveText('Su');
    await screenshot(page, '81-recipient-birth-date-en');
    await popup.locator('td[title="1950-03-08"]').click();
    await expect(pickerPopup(page)).toHaveCount(0);
    await expect(birth).toHaveValue('1950-03-08');

    // Typed and confirmed with Enter: the form is not submitted (no name yet, no error shown).
    await typeDate(birth, '1950-03-09');
    await expect(birth).toHaveValue('1950-03-09');
    await expect(page.getByText('Enter a name')).toHaveCount(0);
    await page.getByTestId('recipient-save').click();
    await expect(page.getByText('Enter a name')).toBeVisible();
    // The ID number says the 7th: the typed date is what the form checked.
    await expect(page.locator('.ant-form-item', { has: birth }).locator('.ant-form-item-explain-error')).toBeVisible();
  });
});

test('the review week picker goes to the Monday of the day typed', async ({ page }) => {
  await startWithDemoData(page, { recipients: 200, account: 'supervisor', path: '/today' });
  await page.goto('/#/review?week=2026-11-23');
  const week = page.getByLabel('选择周');
  await expect(week).toHaveValue('2026-11-23');
  await typeDate(week, '2026-11-19');
  await expect(page).toHaveURL(/week=2026-11-16/);
  await expect(week).toHaveValue('2026-11-16');
  await screenshot(page, '82-review-week-picker-zh');
});

test('a date typed into a picker survives the screen re-rendering before Enter (here: midnight passes)', async ({ page }) => {
  await startWithDemoData(page, { recipients: 200, account: 'supervisor', path: '/today' });
  await page.goto('/#/review?week=2026-11-23');
  await expect(page.getByTestId('review-source')).toBeVisible();
  const week = page.getByLabel('选择周');
  await page.clock.setSystemTime(new Date('2026-11-28T23:59:30+08:00'));
  await week.click();
  await expect(pickerPopup(page)).toBeVisible();
  await week.fill('2026-11-19');
  // The page's minute timer sees the new day: the review re-renders (as of 2026-11-29) while the
  // typed date waits for Enter.
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('review-page')).toContainText('2026-11-29');
  await expect(week).toHaveValue('2026-11-19');
  await week.press('Enter');
  await expect(page).toHaveURL(/week=2026-11-16/);
  await expect(week).toHaveValue('2026-11-16');
});
