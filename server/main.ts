import { parseArgs } from 'node:util';
import { todayInShanghai } from '../shared/calendar/shanghai';
import { readServerConfig } from './config';
import { DEMO_PASSWORD } from './demo/loadDemo';
import { startServer } from './start';
import { startWatchdog } from './watchdog';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      'demo-recipients': { type: 'string', default: '200' },
      'demo-seed': { type: 'string', default: '20261128' },
      'demo-today': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const config = readServerConfig(process.env);
  const demo = values.demo
    ? {
        recipients: Number(values['demo-recipients']),
        seed: Number(values['demo-seed']),
        today: values['demo-today'] ?? todayInShanghai(new Date()),
      }
    : null;
  const server = await startServer({ config, demo, logger: !values.quiet });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Youfu Desk server listening on ${server.url} (${where})`);
  if (server.demo) {
    console.log(
      server.demo.loaded ? `demo data loaded: ${server.demo.rows} rows for ${demo?.recipients} recipients` : 'demo data already present',
    );
    console.log(
      `demo accounts (password "${DEMO_PASSWORD}"): ${server.demo.accounts.map((a) => `${a.username} [${a.role} ${a.stationCode}]`).join(', ')}`,
    );
  } else if (server.demoDatabase) {
    console.log(
      `note: this is a demo database (made by --demo): its demo accounts with the public password "${DEMO_PASSWORD}" exist; keep real records out of it`,
    );
  }
  // A main thread blocked for STALL_EXIT_MS (60 s; 0 turns it off) ends the process: see watchdog.ts.
  const stallMs = Number(process.env.STALL_EXIT_MS ?? 60_000);
  const watchdog = stallMs > 0 ? startWatchdog(stallMs) : null;
  const stop = (): void => {
    void watchdog?.stop();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`server failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
