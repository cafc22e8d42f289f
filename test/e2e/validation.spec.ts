import { type Page, expect } from '@playwright/test';
import { newClockedPage, test } from './support/test';
import { idNumberCheckChar } from '../../shared/validation/idNumber';
import { SHANGHAI_TIME_ZONE } from '../../shared/calendar/shanghai';
import { screenshot, startWithDemoData } from './support/demo';
import { typeDate } from './support/datePicker';

/**
 * (c) A bad ID number, a bad phone and a negative amount each show a clear zh-CN message
 * beside their field, and nothing is saved: the caseload count and the recipient's history
 * stay as they were. Then the same forms, corrected, do save; and a second registration of an
 * existing ID number links to the existing record instead of creating one.
 */
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await newClockedPage(browser, { locale: 'zh-CN', timezoneId: SHANGHAI_TIME_ZONE, viewport: { width: 1440, height: 900 } });
  await startWithDemoData(page, { recipients: 500, path: '/caseload' });
});

test.afterAll(async () => {
  await page.close();
});

const fieldError = (testId: string) =>
  page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

async function caseloadCount(): Promise<string> {
  await page.goto('/#/caseload');
  const count = page.getByTestId('caseload-count');
  await expect(count).toHaveText(/共 \d+ 人，当前显示 \d+ 人/, { timeout: 30_000 });
  return count.innerText();
}

test('a bad ID number and a bad phone are explained in zh-CN and no recipient is created', async () => {
  const before = await caseloadCount();
  expect(before).toContain('共 500 人');

  await page.goto('/#/recipients/new');
  await expect(page.getByTestId('create-recipient-page')).toBeVisible();
  await page.getByTestId('recipient-name').fill('测试对象');
  await page.getByTestId('recipient-idNumber').fill('440304195003074513');
  await page.getByTestId('recipient-phone-0').fill('1381234567');
  await page.getByTestId('recipient-save').click();

  await expect(fieldError('recipient-idNumber')).toHaveText('身份证号校验位不正确，请核对后重新输入');
  await expect(fieldError('recipient-phone-0')).toHaveText('电话号码格式不正确：手机号为 1 开头的 11 位数字，座机为 0755-8 位数字');
  await expect(page).toHaveURL(/#\/recipients\/new$/);
  await screenshot(page, '40-create-recipient-errors-zh');

  expect(await caseloadCount()).toBe(before);
});

test('a gender or birth date the ID number contradicts is explained beside that field and nothing is saved', async () => {
  await page.goto('/#/recipients/new');
  const first17 = '44030419500307451'; // born 1950-03-07; 17th digit odd: a man
  await page.getByTestId('recipient-name').fill('测试对象');
  await page.getByTestId('recipient-idNumber').fill(first17 + idNumberCheckChar(first17));
  await expect(page.getByTestId('recipient-birthDate')).toHaveValue('1950-03-07');
  await page.getByTestId('recipient-gender').getByText('女').click();
  await typeDate(page.getByTestId('recipient-birthDate'), '1950-03-08');
  await page.getByTestId('recipient-phone-0').fill('13812345678');
  await page.getByTestId('recipient-save').click();

  await expect(fieldError('recipient-gender')).toHaveText('性别与身份证号不一致（第 17 位奇数为男，偶数为女）');
  await expect(fieldError('recipient-birthDate')).toHaveText('出生日期与身份证号中的出生日期（第 7–14 位）不一致');
  await expect(page).toHaveURL(/#\/recipients\/new$/);
});

test('a corrected form saves, with birth date and gender read from the ID number', async () => {
  await page.goto('/#/recipients/new');
  const first17 = '44030419290101037';
  await page.getByTestId('recipient-name').fill('测试对象');
  await page.getByTestId('recipient-idNumber').fill(first17 + idNumberCheckChar(first17));
  await expect(page.getByTestId('recipient-birthDate')).toHaveValue('1929-01-01');
  await expect(page.getByTestId('recipient-gender').getByRole('radio', { name: '男' })).toBeChecked();
  await page.getByTestId('recipient-phone-0').fill('13812345678');
  await page.getByTestId('recipient-save').click();

  await expect(page.getByTestId('recipient-profile')).toBeVisible();
  await expect(page.getByTestId('profile-name')).toHaveText('测试对象');
  await expect(page.getByTestId('profile-idNumber')).toHaveText(
    '440304********0371'.slice(0, 14) + (first17 + idNumberCheckChar(first17)).slice(-4),
  );
  await screenshot(page, '41-profile-created-zh');
  expect(await caseloadCount()).toContain('共 501 人');
});

test('registering an existing ID number again warns and links to the existing record', async () => {
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-row').first().click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();
  const existingUrl = page.url();
  await page.getByTestId('reveal-sensitive').click();
  const idNumber = await page.getByTestId('profile-idNumber').innerText();
  expect(idNumber).toMatch(/^\d{17}[\dX]$/);

  await page.goto('/#/recipients/new');
  await page.getByTestId('recipient-name').fill('重复登记');
  await page.getByTestId('recipient-idNumber').fill(idNumber);
  await page.getByTestId('recipient-save').click();
  await expect(page.getByTestId('duplicate-warning')).toContainText('该身份证号已登记');
  await expect(fieldError('recipient-idNumber')).toHaveText('该身份证号已登记');
  await screenshot(page, '42-duplicate-id-zh');
  await page.getByTestId('open-existing').click();
  await expect(page).toHaveURL(existingUrl);
  expect(await caseloadCount()).toContain('共 501 人');
});

test('a negative aid amount is explained in zh-CN and the visit is not saved', async () => {
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-row').nth(1).click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible();
  const profileUrl = page.url();
  const visits = page.getByTestId('timeline').getByTestId('timeline-visit');
  await expect(page.getByTestId('timeline')).toBeVisible();
  // The timeline fills in from live queries: count only once two reads agree.
  const aid = page.getByTestId('timeline').getByTestId('timeline-aid');
  await expect(visits.first()).toBeVisible({ timeout: 15_000 });
  let visitsBefore = -1;
  let aidBefore = -1;
  await expect
    .poll(
      async () => {
        const now = [await visits.count(), await aid.count()];
        const stable = now[0] === visitsBefore && now[1] === aidBefore;
        [visitsBefore, aidBefore] = now as [number, number];
        return stable;
      },
      { intervals: [500], timeout: 15_000 },
    )
    .toBe(true);

  // Start from the visit form with no recipient: the picker finds them by name.
  const name = await page.getByTestId('profile-name').innerText();
  await page.goto('/#/visit/new');
  await page.getByTestId('recipient-picker').locator('input').fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
  await expect(page.getByTestId('log-visit-page')).toContainText(`服务对象：${name}`);
  await page.getByTestId('visit-notes').fill('负数金额不应保存');
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('-50');
  await page.getByTestId('visit-save').click();

  await expect(fieldError('aid-0-amount')).toHaveText('金额不能为负数');
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  await screenshot(page, '43-visit-negative-amount-zh');

  await page.goto(profileUrl);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(visits).toHaveCount(visitsBefore);
  await expect(aid).toHaveCount(aidBefore);
  await expect(page.getByText('负数金额不应保存')).toHaveCount(0);
});
