import { createServer } from 'vite';
import { readServerConfig } from '../server/config';
import { DEMO_PASSWORD } from '../server/demo/loadDemo';
import { startServer } from '../server/start';

/**
 * `npm run web`: the app in a browser for trying and testing it, with a local central server
 * (PGlite in ./data/web-server, demo data and demo accounts) behind the Vite dev server's /api
 * proxy. Options: --recipients N (demo size, default 2000), --port P (app, default 5173).
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function main(): Promise<void> {
  const config = readServerConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? './data/web-server', PORT: process.env.PORT ?? '8787' });
  console.log('starting the local central server (first start loads demo data, which takes a moment)…');
  const server = await startServer({
    config,
    demo: { recipients: Number(arg('recipients', '2000')), seed: 20261128, today: shanghaiToday() },
    logger: false,
  });
  process.env.YOUFU_SERVER_URL = server.url;
  const vite = await createServer({ configFile: 'vite.config.ts', server: { port: Number(arg('port', '5173')) } });
  await vite.listen();
  const appUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  console.log(`\n优抚工作台 Youfu Desk (browser shell): ${appUrl}`);
  console.log(`central server: ${server.url} (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`);
  console.log(`demo accounts, password "${DEMO_PASSWORD}": ${(server.demo?.accounts ?? []).map((a) => a.username).join(', ')}`);
  const stop = (): void => {
    Promise.all([vite.close(), server.close()]).then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
