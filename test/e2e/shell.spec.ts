import { expect, test } from '@playwright/test';

test('the app shell renders in zh-CN', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('优抚工作台');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('优抚工作台').first()).toBeVisible();
});
