import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium';


export const playwrightConfig = defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      // The central server the sync tests sign in to (fresh PGlite, small demo data).
      command: 'npx tsx test/e2e/support/e2eServer.ts',
      url: 'http://127.0.0.1:8799/api/v1/health',
      reuseExistingServer: false,
      timeout: 240_000,
    },
    {
      command: 'npx vite preview',
      url: 'http://127.0.0.1:4173',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { YOUFU_SERVER_URL: 'http://127.0.0.1:8799' },
    },
  ],
});

export { playwrightConfig as default };
