import { stationsAtLevel } from '../shared/stations/tree';
import { createAccount, findAccountByUsername } from '../server/auth/accounts';
import { toNumber } from '../server/db/db';
import { openServerDb } from '../server/db/openDb';
import { handlePull } from '../server/sync/pullHandler';
import { type RunningServer, startServer } from '../server/start';
import { type BenchDataManifest, type BenchDataSpec, loadInto, prepareBenchData } from './benchData';
import { type FromServer, type HandlerPullResult, type LoadAccount, type RawReadResult, isToServer } from './benchServerIpc';

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
  const rows = await server.db.query<{
    table_name: string;
    row_id: string;
    rev: number;
    data: Record<string, unknown>;
    updated_seq: unknown;
  }>(
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
    const page = await handlePull(deps, session, { cursor, limit: Math.min(pageSize, target - changes) });
    pages++;
    changes += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore || changes >= target) break;
  }
  return { ms: performance.now() - t, changes, pages };
}

/**
 * The load test's accounts, made by the server's own account module: one caseworker at each of
 * `count` community stations, those under `prefix` first (the district the data set fills).
 */
async function createAccounts(prefix: string, count: number, password: string): Promise<LoadAccount[]> {
  if (!server) throw new Error('server not started');
  const communities = stationsAtLevel('community');
  const ordered = [...communities.filter((s) => s.code.startsWith(prefix)), ...communities.filter((s) => !s.code.startsWith(prefix))];
  if (ordered.length < count) throw new Error(`only ${ordered.length} community stations for ${count} accounts`);
  const db = server.db;
  const out = ordered.slice(0, count).map((station, i): LoadAccount & { name: string } => ({
    username: `load-${String(i + 1).padStart(3, '0')}`,
    stationCode: station.code,
    name: `负载测试 ${i + 1}`,
  }));
  // A few at a time: password hashing (scrypt) runs on libuv's thread pool.
  for (let i = 0; i < out.length; i += 8) {
    await Promise.all(
      out.slice(i, i + 8).map(async (a) => {
        if (!(await findAccountByUsername(db, a.username))) {
          await createAccount(db, { username: a.username, name: a.name, role: 'caseworker', stationCode: a.stationCode, password });
        }
      }),
    );
  }
  return out.map(({ username, stationCode }) => ({ username, stationCode }));
}

async function head(): Promise<number> {
  if (!server) throw new Error('server not started');
  const [row] = await server.db.query<{ value: unknown }>(`SELECT value FROM counters WHERE name = 'change_seq'`);
  return toNumber(row?.value ?? 0);
}

/** A PostgreSQL database holding `spec`: loaded once per cluster (the manifest is the rows' count). */
async function preparePg(databaseUrl: string, spec: BenchDataSpec): Promise<{ manifest: BenchDataManifest; cached: boolean }> {
  const db = await openServerDb({ databaseUrl, dataDir: '' });
  let n = 0;
  try {
    const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM rows');
    n = toNumber(row?.n ?? 0);
  } finally {
    await db.close();
  }
  if (n > 0) return { manifest: { spec, rows: {}, totalRows: n, loadMs: 0, loadedAt: '' }, cached: true };
  console.error(`bench data: loading ${spec.recipients} recipients into PostgreSQL…`);
  return { manifest: await loadInto({ databaseUrl, dataDir: '' }, spec, (s) => console.error(s)), cached: false };
}

process.on('message', (m: unknown) => {
  if (!isToServer(m)) return;
  const run = async (): Promise<void> => {
    if (m.type === 'start') {
      const t = performance.now();
      if (m.databaseUrl) {
        const { manifest, cached } = await preparePg(m.databaseUrl, m.spec);
        server = await startServer({ config: { host: '127.0.0.1', port: 0, dataDir: '', databaseUrl: m.databaseUrl }, demo: null });
        send({ type: 'ready', url: server.url, manifest, cached, dataDir: '', prepareMs: Math.round(performance.now() - t) });
        return;
      }
      const { dataDir, manifest, cached } = await prepareBenchData(m.spec, (s) => console.error(s));
      server = await startServer({ config: { host: '127.0.0.1', port: 0, dataDir, databaseUrl: null }, demo: null });
      send({ type: 'ready', url: server.url, manifest, cached, dataDir, prepareMs: Math.round(performance.now() - t) });
    } else if (m.type === 'createAccounts') {
      const t = performance.now();
      const accounts = await createAccounts(m.prefix, m.count, m.password);
      send({ type: 'createAccounts', accounts, ms: Math.round(performance.now() - t) });
    } else if (m.type === 'head') {
      send({ type: 'head', head: await head() });
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
