import { type Page, expect } from '@playwright/test';

/**
 * After pressing save on the visit form: closing a duty assigned to someone else (a hero's
 * dedicated staff member) asks first; confirm it, then wait for the saved message.
 */
export async function confirmSaved(page: Page, saved: RegExp | string = /走访已保存/): Promise<void> {
  const message = page.getByText(saved);
  const confirmOthers = page.getByRole('button', { name: '确认完成' });
  await expect(message.or(confirmOthers)).toBeVisible({ timeout: 15_000 });
  if (await confirmOthers.isVisible()) await confirmOthers.click();
  await expect(message).toBeVisible();
}
