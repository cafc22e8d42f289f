import { defineConfig } from '@playwright/test';

/**
 * The `_electron` suite (test/electron): launches the built app (`npm run build` first) in the
 * real Electron. Where the Electron binary is missing it skips, printing why.
 */
export const playwrightElectronConfig = defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
});

export { playwrightElectronConfig as default };
