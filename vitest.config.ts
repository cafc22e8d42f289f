import { defineConfig } from 'vitest/config';

export const vitestConfig = defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'main/**/*.test.ts',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/node/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/support/globalSetup.ts'],
  },
});

export { vitestConfig as default };
