import { type Locator, type Page, expect } from '@playwright/test';

/**
 * Enters a date into an Ant Design date picker as a person does at the keyboard: click the
 * field, type the date in its format (`2026-11-30`, or `2026-11-30 09:30` with a time), press
 * Enter. The popup closes; the caller asserts what the screen shows for it.
 */
export async function typeDate(field: Locator, text: string): Promise<void> {
  await field.click();
  await expect(pickerPopup(field.page())).toBeVisible();
  await field.fill(text);
  await field.press('Enter');
  await expect(pickerPopup(field.page())).toHaveCount(0);
}

/** The open picker's popup (there is at most one). */
export function pickerPopup(page: Page): Locator {
  return page.locator('.ant-picker-dropdown:visible');
}
