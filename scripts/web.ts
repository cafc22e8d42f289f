import { arg, onExit, startBrowserShell, startLocalServer } from './localStack';

/**
 * `npm run web`: the app in a browser for trying and testing it, with a local central server
 * (PGlite in ./data/web-server, demo data and accounts) behind the Vite dev server's /api
 * proxy. Options: --recipients N (demo size, default 2000), --port P (app, default 5173).
 */
async function main(): Promise<void> {
  const server = await startLocalServer('./data/web-server');
  const shell = await startBrowserShell('dev', Number(arg('port', '5173')));
  console.log(`\n优抚工作台 Youfu Desk (browser shell): ${shell.resolvedUrls?.local[0] ?? ''}`);
  onExit(() => Promise.all([shell.close(), server.close()]));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
