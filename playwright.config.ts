import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium';
import { SHANGHAI_TIME_ZONE } from './shared/calendar/shanghai';
import { fixRunClock } from './test/e2e/support/clock';
import { E2E_SERVER_URL, E2E_WEB_PORT, E2E_WEB_URL } from './test/e2e/support/ports';

// One clock for the run (the server, the browsers, the specs): see test/e2e/support/clock.ts.
fixRunClock();

export const playwrightConfig = defineConfig({
  testDir: 'test/e2e',
  outputDir: process.env.E2E_PORT_OFFSET ? `test-results-${process.env.E2E_PORT_OFFSET}` : 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: E2E_WEB_URL,
    locale: 'zh-CN',
    timezoneId: SHANGHAI_TIME_ZONE,
    viewport: { width: 1440, height: 900 },
    // CHROMIUM_PATH, else the system's, else the one inside the npm package (scripts/chromium.ts).
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: [
    {
      // The central server the sync tests sign in to (fresh PGlite, small demo data).
      command: 'npx tsx test/e2e/support/e2eServer.ts',
      url: `${E2E_SERVER_URL}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 240_000,
    },
    {
      command: `npx vite preview --port ${E2E_WEB_PORT}`,
      url: E2E_WEB_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { YOUFU_SERVER_URL: E2E_SERVER_URL },
    },
  ],
});

export { playwrightConfig as default };
