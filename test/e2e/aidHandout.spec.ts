import { expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';

/**
 * Issue 16: aid recorded on its own, not inside a visit — a hand-out at the station, signed for
 * on screen; a wrong amount is refused beside its field and nothing is written.
 */
test('aid handed out at the station: refused with a zero amount, then saved with its signature, on the timeline with no visit', async ({
  page,
}) => {
  await startWithDemoData(page, { recipients: 50, path: '/caseload' });
  await page.getByTestId('caseload-row').first().click();
  const profileUrl = page.url();
  await page.getByTestId('profile-hand-out-aid').click();
  await expect(page.getByTestId('aid-handout-page')).toBeVisible();
  await page.getByTestId('aid-0-amount').fill('0');
  await page.getByTestId('handout-save').click();
  await expect(page.getByTestId('aid-handout-page')).toBeVisible();
  await expect(page.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await page.getByTestId('aid-0-amount').fill('800');
  // Corrected: the sentence goes.
  await expect(page.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.getByTestId('aid-0-sign').click();
  const pad = page.getByTestId('signature-canvas');
  await expect(pad).toBeVisible();
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await pad.boundingBox());
      const still = now === last;
      last = now;
      await page.waitForTimeout(200);
      return still;
    })
    .toBe(true);
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 120);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 20, box.y + 120 - Math.sin(i / 3) * 60, { steps: 2 });
  await page.mouse.up();
  await page.getByTestId('signature-accept').click();
  await expect(page.getByTestId('aid-0-signed')).toBeVisible({ timeout: 15_000 });
  await screenshot(page, '124-aid-handout');
  await page.keyboard.press('Control+s');
  await expect(page).toHaveURL(profileUrl);
  const handedOut = page.getByTestId('timeline-aid').filter({ hasText: '¥800.00' }).first();
  await expect(handedOut).toBeVisible();
  await expect(handedOut.getByTestId('aid-acknowledged')).toBeVisible();
  await expect(handedOut.locator('[data-testid="attachment-tile"][data-state="ready"]')).toHaveCount(1);
  await handedOut.scrollIntoViewIfNeeded();
  await screenshot(page, '125-aid-handout-on-timeline');
});
