import { findAccountByUsername } from '../server/auth/accounts';
import { toNumber } from '../server/db/db';
import { handlePull } from '../server/sync/pullHandler';
import { type RunningServer, startServer } from '../server/start';
import { prepareBenchData } from './benchData';
import { type FromServer, type HandlerPullResult, type RawReadResult, isToServer } from './benchServerIpc';

/**
 * The central server of the sync benchmarks, in its own process as in production: PGlite is
 * single-threaded WebAssembly, and in the runner's process its queries would stall the Vite
 * proxy and Playwright. Driven over IPC by scripts/benchServerProcess.ts; also answers the raw
 * SQL baseline of the pull benchmark, on the very database the server reads.
 */
let server: RunningServer | null = null;

function send(m: FromServer): void {
  process.send?.(m);
}

/** The baseline of the pull benchmark: the same rows, straight from the table, in seq order. */
async function rawRead(prefix: string, limit: number): Promise<RawReadResult> {
  if (!server) throw new Error('server not started');
  const t = performance.now();
  const rows = await server.db.query<{ table_name: string; row_id: string; rev: number; data: Record<string, unknown>; updated_seq: unknown }>(
    `SELECT table_name, row_id, rev, data, updated_seq FROM rows
     WHERE station_code LIKE $1 AND NOT deleted ORDER BY updated_seq LIMIT $2`,
    [`${prefix}%`, limit],
  );
  const ms = performance.now() - t;
  return { ms, rows: rows.length, lastSeq: toNumber(rows.at(-1)?.updated_seq ?? 0) };
}

/**
 * The pull handler alone, called in-process page by page as the route calls it: what the
 * server's queries and row assembly cost without HTTP, JSON and the client's validation.
 */
async function handlerPull(username: string, target: number, pageSize: number): Promise<HandlerPullResult> {
  if (!server) throw new Error('server not started');
  const account = await findAccountByUsername(server.db, username);
  if (!account) throw new Error(`no account ${username}`);
  const session = { account, deviceId: 'bench-handler', tokenHash: 'bench-handler' };
  const deps = { db: server.db, now: () => new Date() };
  let cursor = 0;
  let changes = 0;
  let pages = 0;
  const t = performance.now();
  for (;;) {
    const page = await handlePull(deps, session, { cursor: String(cursor), limit: String(Math.min(pageSize, target - changes)) });
    pages++;
    changes += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore || changes >= target) break;
  }
  return { ms: performance.now() - t, changes, pages };
}

process.on('message', (m: unknown) => {
  if (!isToServer(m)) return;
  const run = async (): Promise<void> => {
    if (m.type === 'start') {
      const t = performance.now();
      const { dataDir, manifest, cached } = await prepareBenchData(m.spec, (s) => console.error(s));
      server = await startServer({ config: { host: '127.0.0.1', port: 0, dataDir, databaseUrl: null }, demo: null });
      send({ type: 'ready', url: server.url, manifest, cached, dataDir, prepareMs: Math.round(performance.now() - t) });
    } else if (m.type === 'handlerPull') {
      send({ type: 'handlerPull', result: await handlerPull(m.username, m.target, m.pageSize) });
    } else if (m.type === 'rawRead') {
      send({ type: 'rawRead', result: await rawRead(m.prefix, m.limit) });
    } else {
      await server?.close();
      server = null;
      process.disconnect();
    }
  };
  run().catch((e: unknown) => send({ type: 'error', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) }));
});
