import { expect } from '@playwright/test';
import { test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';

/**
 * (b) Dedicated staff (demo-hero) open My heroes, see a hero's overdue monthly home visit,
 * log it from the card, and the duty's next occurrence appears with a later date.
 */
test('dedicated staff log an overdue monthly visit for a hero and the next occurrence appears', async ({ page }) => {
  await startWithDemoData(page, { recipients: 500, account: 'hero', path: '/heroes' });
  await expect(page.getByTestId('heroes-page')).toBeVisible();
  const cards = page.locator('[data-testid^="hero-card-"]');
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  await expect(cards.first().getByTestId('hero-badge')).toBeVisible();
  await screenshot(page, '30-my-heroes-zh');

  // The first overdue monthly home visit on any hero's card.
  const overdueMonthly = page.locator('[data-testid="hero-duty"][data-state="overdue"]', { hasText: '入户走访 · 每月' }).first();
  await expect(overdueMonthly).toBeVisible();
  const card = cards.filter({ has: overdueMonthly });
  const heroTestId = await card.getAttribute('data-testid');
  const heroId = heroTestId!.replace('hero-card-', '');
  const dutyId = await overdueMonthly.getAttribute('data-duty');
  const dueBefore = await overdueMonthly.getAttribute('data-due');
  const overdueBefore = Number(await card.getByTestId('hero-overdue').getAttribute('data-count'));
  expect(overdueBefore).toBeGreaterThan(0);

  await overdueMonthly.getByTestId('hero-duty-log').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  const occurrence = page.locator(`[data-testid^="occurrence-"][data-duty="${dutyId}"]`);
  await expect(occurrence).toBeChecked();
  await page.getByTestId('visit-notes').fill('每月入户走访：身体状况稳定，已送去药品。');
  await page.getByTestId('visit-save').click();
  await expect(page.getByText('走访已保存：帮扶 0 条，诉求 0 条')).toBeVisible();

  // Back on My heroes: one overdue fewer, and the monthly visit is next due a month on.
  await expect(page).toHaveURL(/#\/heroes$/);
  const heroCard = page.getByTestId(`hero-card-${heroId}`);
  await expect(heroCard.getByTestId('hero-overdue')).toHaveAttribute('data-count', String(overdueBefore - 1));
  await expect(heroCard.locator(`[data-testid="hero-duty"][data-duty="${dutyId}"][data-state="overdue"]`)).toHaveCount(0);

  await page.goto(`/#/recipients/${heroId}`);
  const nextDue = page.getByTestId(`duty-${dutyId}`).getByTestId('next-due');
  await expect(nextDue).toBeVisible({ timeout: 30_000 });
  const dueAfter = await nextDue.getAttribute('data-due');
  expect(dueAfter! > dueBefore!).toBe(true);
  await expect(nextDue.getByTestId('due-overdue')).toHaveCount(0);
  await screenshot(page, '31-hero-profile-zh');
});
