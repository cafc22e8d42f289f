import { preview, createServer, type PreviewServer, type ViteDevServer } from 'vite';
import { readServerConfig } from '../server/config';
import { todayInShanghai } from '../shared/calendar/shanghai';
import { DEMO_PASSWORD } from '../server/demo/loadDemo';
import { type RunningServer, startServer } from '../server/start';
import { findElectronBinary } from '../test/electron/electronBinary';

/** Pieces shared by `npm start` and `npm run web`: a local central server and the app shell. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** The central server with demo data and demo accounts (PGlite unless DATABASE_URL is set). */
export async function startLocalServer(defaultDataDir: string): Promise<RunningServer> {
  const config = readServerConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? defaultDataDir });
  console.log('starting the local central server (the first start loads demo data, which takes a moment)…');
  const server = await startServer({
    config,
    demo: { recipients: Number(arg('recipients', '2000')), seed: 20261128, today: todayInShanghai(new Date()) },
    logger: false,
  });
  process.env.YOUFU_SERVER_URL = server.url;
  console.log(`central server: ${server.url} (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`);
  console.log(`demo accounts, password "${DEMO_PASSWORD}": ${(server.demo?.accounts ?? []).map((a) => a.username).join(', ')}`);
  return server;
}

/** The browser shell: Vite's dev server (`dev`) or a preview of the built renderer. */
export async function startBrowserShell(mode: 'dev' | 'preview', port: number): Promise<ViteDevServer | PreviewServer> {
  if (mode === 'dev') {
    const vite = await createServer({ configFile: 'vite.config.ts', server: { port } });
    await vite.listen();
    return vite;
  }
  return preview({ configFile: 'vite.config.ts', preview: { port } });
}

/** The Electron binary's path, or null where it could not be downloaded (as on CI here). */
export function electronBinary(): string | null {
  const found = findElectronBinary();
  return found.ok ? found.path : null;
}

export function onExit(stop: () => Promise<unknown>): void {
  const handler = (): void => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
