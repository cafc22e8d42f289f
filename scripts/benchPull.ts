import { randomUUID } from 'node:crypto';
import { createHttpLogin, createHttpTransport } from '../renderer/sync/transport';
import type { BenchServer } from './benchServerProcess';

/**
 * Pull throughput: up to `target` changes pulled over HTTP page by page, as the app's
 * transport does it (fetch, JSON, zod validation of each page), against a raw SQL read of the
 * same rows on the same database in the server's process. Both read the scope of one account.
 */
export interface PullBenchResult {
  pageSize: number;
  pages: number;
  changes: number;
  httpMs: number;
  httpRowsPerSec: number;
  /** The same pages from the server's pull handler called in-process (no HTTP, JSON, zod). */
  handlerMs: number;
  handlerRowsPerSec: number;
  rawSqlMs: number;
  rawSqlRowsPerSec: number;
  rawSqlRows: number;
  /** Raw SQL time / HTTP time: 1 would mean the pull path costs nothing beyond the read. */
  ratio: number;
}

export async function pullThroughputBench(
  server: BenchServer,
  opts: {
    username: string;
    password: string;
    scopePrefix: string;
    target: number;
    pageSize: number;
  },
): Promise<PullBenchResult> {
  const login = await createHttpLogin({ baseUrl: server.url })({
    username: opts.username,
    password: opts.password,
    deviceId: `bench-pull-${randomUUID().slice(0, 8)}`,
  });
  if (!login.ok) throw new Error(`login: ${login.error.code} ${login.error.message}`);
  const { token } = login.value;
  const http = createHttpTransport({ baseUrl: server.url, getToken: () => token });

  // Warm-up: the same read once, so that both sides find the table in the page cache. Timed
  // too: on a shared machine the load changes over a run, and the baseline is the faster read.
  const rawBefore = await server.rawRead(opts.scopePrefix, opts.target);

  let cursor = 0;
  let changes = 0;
  let pages = 0;
  const t0 = performance.now();
  for (;;) {
    const res = await http.pull(cursor, Math.min(opts.pageSize, opts.target - changes));
    if (!res.ok) throw new Error(`pull: ${res.error.code} ${res.error.message}`);
    pages++;
    changes += res.value.changes.length;
    cursor = res.value.cursor;
    if (!res.value.hasMore || changes >= opts.target) break;
  }
  const httpMs = performance.now() - t0;

  const handler = await server.handlerPull(opts.username, opts.target, opts.pageSize);
  if (handler.changes !== changes) throw new Error(`the handler pulled ${handler.changes} changes, HTTP ${changes}`);
  const rawAfter = await server.rawRead(opts.scopePrefix, changes);
  const raw = rawBefore.rows === rawAfter.rows && rawBefore.ms < rawAfter.ms ? rawBefore : rawAfter;
  if (raw.rows !== changes) throw new Error(`raw read got ${raw.rows} rows, the pull ${changes}: not the same rows`);
  const perSec = (n: number, ms: number): number => Math.round((n / ms) * 1000);
  return {
    pageSize: opts.pageSize,
    pages,
    changes,
    httpMs: Math.round(httpMs),
    httpRowsPerSec: perSec(changes, httpMs),
    handlerMs: Math.round(handler.ms),
    handlerRowsPerSec: perSec(changes, handler.ms),
    rawSqlMs: Math.round(raw.ms),
    rawSqlRowsPerSec: perSec(raw.rows, raw.ms),
    rawSqlRows: raw.rows,
    ratio: Math.round((raw.ms / httpMs) * 100) / 100,
  };
}
