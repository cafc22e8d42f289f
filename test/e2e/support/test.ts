import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, test as base } from '@playwright/test';
import { installE2eClock } from './clock';

/**
 * Playwright's `test` whose browser context (and so `page`) runs on the run's clock
 * (support/clock.ts). Every spec imports `test` from here, and opens any other context or page
 * through newClockedContext / newClockedPage (test/node/e2eClock.test.ts checks both).
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    await installE2eClock(context);
    await use(context);
  },
});

/** browser.newContext on the run's clock. */
export async function newClockedContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await installE2eClock(context);
  return context;
}

/** browser.newPage on the run's clock (the page owns its context, closed with it). */
export async function newClockedPage(browser: Browser, options?: BrowserContextOptions): Promise<Page> {
  const context = await newClockedContext(browser, options);
  const page = await context.newPage();
  page.once('close', () => void context.close());
  return page;
}
