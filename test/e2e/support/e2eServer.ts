import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readServerConfig } from '../../../server/config';
import { startServer } from '../../../server/start';
import { DEMO_TODAY } from '../../../shared/demo/accounts';
import { e2eNow } from './clock';
import { E2E_SERVER_PORT } from './ports';

/**
 * The central server for the end-to-end run: a fresh PGlite folder, a small deterministic demo
 * data set and the demo accounts, on the port the preview's /api proxy points at, on the run's
 * clock (support/clock.ts: the demo data's day whatever the wall clock says). Started by
 * Playwright's webServer and stopped with it; its folder is removed on exit.
 */

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'youfu-e2e-server-'));
  const config = readServerConfig({ PORT: String(E2E_SERVER_PORT), HOST: '127.0.0.1', DATA_DIR: join(dir, 'server') });
  const server = await startServer({ config, demo: { recipients: 120, seed: 20261128, today: DEMO_TODAY }, logger: false, now: e2eNow });
  console.log(`e2e server on ${server.url} with ${server.demo?.rows ?? 0} demo rows`);
  const stop = (): void => {
    void server.close().finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
