import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { type Page, chromium } from '@playwright/test';
import { createServer } from 'vite';
import { DEMO_ACCOUNTS } from '../shared/demo';
import { PULL_PAGE } from '../renderer/sync/engine';
import type { BenchApi } from '../renderer/bench/benchPage';
import type { CaseloadBenchResult } from '../renderer/bench/caseloadBench';
import type { SyncBootstrapResult, SyncPushResult } from '../renderer/bench/syncBench';
import type { BenchDataManifest, BenchDataSpec } from './benchData';
import { type PullBenchResult, pullThroughputBench } from './benchPull';
import { type BenchServer, startBenchServer } from './benchServerProcess';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

/**
 * `npm run bench [-- --scale district|city] [--quick] [--only caseload|sync]`: runs the
 * benchmarks in real Chromium against the real code (and, for sync, a real server in its own
 * process), prints a table of each figure with its baseline and ratio, and writes
 * bench-results.json. No timed assertions: these are measurements.
 */
const SCALES = { quick: 5_000, district: 50_000, city: 200_000 } as const;
type Scale = keyof typeof SCALES;

/**
 * The server data of the sync benchmarks. Quick: a couple of thousand recipients' worth of
 * rows with the full five years. District: issue 4's 50,000 recipients with about 500,000
 * visits (16 months of history). A supervisor's device holds one district whatever the size of
 * the city, so the city scale syncs the district data set too.
 */
const SYNC_SPECS: Record<Scale, BenchDataSpec> = {
  quick: { recipients: 1_000, seed: 7, scopePrefix: '440304', historyMonths: null },
  district: { recipients: 50_000, seed: 7, scopePrefix: '440304', historyMonths: 16 },
  city: { recipients: 50_000, seed: 7, scopePrefix: '440304', historyMonths: 16 },
};
const PULL_TARGET = 100_000;
const PROFILE_DIR = 'data/bench/chromium-profile';
const PUSH_EDITS = 1_000;
const SUPERVISOR = { username: DEMO_ACCOUNTS.supervisor.username, password: 'demo-pass', scope: DEMO_ACCOUNTS.supervisor.stationCode };

interface Args {
  scale: Scale;
  recipients: number;
  caseload: boolean;
  sync: boolean;
}

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--scale');
  const scale = quick ? 'quick' : (i >= 0 ? argv[i + 1] : 'district') ?? 'district';
  if (!(scale in SCALES)) throw new Error(`--scale must be district or city, got ${scale}`);
  const j = argv.indexOf('--only');
  const only = j >= 0 ? argv[j + 1] : undefined;
  if (only !== undefined && only !== 'caseload' && only !== 'sync') throw new Error(`--only must be caseload or sync, got ${only}`);
  return { scale: scale as Scale, recipients: SCALES[scale as Scale], caseload: only !== 'sync', sync: only !== 'caseload' };
}

/** Runs one entry point of window.__bench with the page's own error text on failure. */
async function inPage<K extends keyof BenchApi>(page: Page, name: K, arg: Parameters<BenchApi[K]>[0]): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    async ({ name, arg }) => {
      try {
        const fn = (window.__bench as BenchApi)[name] as (a: unknown) => Promise<unknown>;
        return await fn(arg);
      } catch (e) {
        throw new Error(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e));
      }
    },
    { name, arg },
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const results: Record<string, unknown> = {
    scale: args.scale, recipients: args.recipients, machine: machineInfo(), startedAt: new Date().toISOString(), loadAverageAtStart: load(),
  };
  let benchServer: BenchServer | null = null;
  if (args.sync) {
    const spec = SYNC_SPECS[args.scale];
    console.error(`sync: starting the bench server (${spec.recipients} recipients in ${spec.scopePrefix})…`);
    benchServer = await startBenchServer(spec);
    // Before Vite reads its config: the dev server proxies /api there, so the page is same-origin.
    process.env.YOUFU_SERVER_URL = benchServer.url;
    results.syncData = { ...describeData(benchServer.manifest), cached: benchServer.cached, prepareMs: benchServer.prepareMs };
    printData(benchServer.manifest, benchServer.cached, benchServer.prepareMs);
  }
  // No watcher and no HMR: the repository is shared and a long run (a district bootstrap takes
  // many minutes) must not be reloaded under its feet when someone saves a file.
  const vite = await createServer({ configFile: 'vite.config.ts', server: { port: 0, strictPort: false, hmr: false, watch: null }, logLevel: 'warn' });
  // A profile on disk, fresh each run: a default (incognito) context keeps IndexedDB in memory
  // under a small quota that a district's bootstrap exceeds, and the app stores on disk anyway.
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  const browser = await chromium.launchPersistentContext(PROFILE_DIR, { executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    if (benchServer) {
      // In Node first, while nothing else runs: the server's read path against raw SQL.
      console.error(`sync: pulling up to ${PULL_TARGET} changes over HTTP…`);
      const pull = await pullThroughputBench(benchServer, {
        username: SUPERVISOR.username, password: SUPERVISOR.password, scopePrefix: SUPERVISOR.scope, target: PULL_TARGET, pageSize: PULL_PAGE,
      });
      results.pullThroughput = pull;
      printPull(pull);
    }
    await vite.listen();
    const url = vite.resolvedUrls?.local[0];
    if (!url) throw new Error('vite did not report a URL');
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.error('[page]', m.text());
      else if (m.text().startsWith('[bench]')) console.error(m.text());
    });
    await page.goto(`${url}bench/index.html`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 120_000 });

    if (args.caseload) {
      console.error(`caseload search: loading ${args.recipients} recipients…`);
      const caseload = await inPage(page, 'caseloadSearchBench', { recipients: args.recipients, seed: 7, rounds: args.scale === 'quick' ? 2 : 3 });
      results.caseloadSearch = caseload;
      printCaseload(caseload);
    }
    if (benchServer) {
      console.error('sync: bootstrap of an empty client…');
      const boot = await inPage(page, 'syncBootstrapBench', { username: SUPERVISOR.username, password: SUPERVISOR.password, pageSize: PULL_PAGE });
      results.syncBootstrap = boot;
      printBootstrap(boot);
      console.error(`sync: push of ${PUSH_EDITS} offline edits…`);
      const push = await inPage(page, 'syncPushBench', { edits: PUSH_EDITS, warmup: 500 });
      results.syncPush = push;
      printPush(push);
      await inPage(page, 'syncBenchCleanup', undefined);
    }
  } finally {
    await browser.close();
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    await vite.close();
    await benchServer?.stop();
  }
  results.loadAverageAtEnd = load();
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nload average (1, 5, 15 min) at start ${fmtLoad(results.loadAverageAtStart as number[])}, at end ${fmtLoad(load())} on ${cpus().length} cores`);
  console.log('wrote bench-results.json');
}

function describeData(m: BenchDataManifest): Record<string, unknown> {
  return { spec: m.spec, rows: m.rows, totalRows: m.totalRows, loadMs: m.loadMs, loadedAt: m.loadedAt };
}

function printData(m: BenchDataManifest, cached: boolean, prepareMs: number): void {
  const history = m.spec.historyMonths === null ? 'five years (full)' : `${m.spec.historyMonths} months`;
  console.log(`\nSync data set: ${m.spec.recipients} recipients in ${m.spec.scopePrefix}, ${history} of history, seed ${m.spec.seed}: ${m.totalRows} rows`);
  console.table(Object.entries(m.rows).map(([table, rows]) => ({ table, rows })));
  console.log(cached ? `(cached server data; copied for this run in ${prepareMs} ms)` : `(generated and loaded into PGlite in ${Math.round(m.loadMs / 1000)} s; cached for later runs)`);
}

function printPull(r: PullBenchResult): void {
  console.log(`\nPull throughput, ${r.changes} changes in ${r.pages} pages of ${r.pageSize} (Node → server over HTTP, the app's transport)`);
  console.table([
    { measure: 'HTTP pull, page by page', ms: r.httpMs, rows_per_s: r.httpRowsPerSec },
    { measure: '  the pull handler alone, in-process', ms: r.handlerMs, rows_per_s: r.handlerRowsPerSec },
    { measure: 'baseline: raw SQL read of the same rows', ms: r.rawSqlMs, rows_per_s: r.rawSqlRowsPerSec },
  ]);
  console.log(`ratio (raw SQL time / HTTP pull time): ${r.ratio}`);
}

function printBootstrap(r: SyncBootstrapResult): void {
  console.log(`\nBootstrap of an empty client: ${r.rows} rows in ${r.pages} pages of ${r.pageSize} (${Object.entries(r.byTable).map(([t, n]) => `${t} ${n}`).join(', ')})`);
  console.table([
    { measure: 'SyncEngine bootstrap (HTTP via Vite proxy → IndexedDB)', ms: r.bootstrapMs, rows_per_s: r.rowsPerSec },
    { measure: '  of which waiting on pull (HTTP, JSON, zod)', ms: r.pullTransportMs, rows_per_s: '' },
    { measure: '  of which applying pages (applyRemoteChanges)', ms: r.applyMs, rows_per_s: '' },
    { measure: 'baseline: raw Dexie bulkPut of the same stored rows', ms: r.baselineMs, rows_per_s: r.baselineRowsPerSec },
  ]);
  console.log(`ratio (baseline time / bootstrap time): ${r.ratio} (target ≥ 0.7 → ${r.ratio >= 0.7 ? 'met' : 'MISSED'})`);
}

function printPush(r: SyncPushResult): void {
  console.log(`\nPush of ${r.edits} offline edits (${Object.entries(r.editKinds).map(([k, n]) => `${n} ${k}`).join(', ')}) in ${r.batches} batches`);
  console.table([
    { measure: 'making the edits (repositories, one transaction each)', ms: r.editMs },
    { measure: 'SyncEngine push (outbox → server → settled)', ms: r.pushMs },
    { measure: '  of which waiting on push requests', ms: r.pushTransportMs },
    { measure: 'SyncEngine whole round (push + pull of the echo)', ms: r.syncMs },
    { measure: 'baseline: as many repository mutations POSTed raw', ms: r.baselineMs },
  ]);
  console.log(`ratio (baseline time / engine push time): ${r.ratio}; pushed ${r.pushed}, rejected ${r.rejected}; baseline applied ${r.baselineApplied}`);
}

function printCaseload(r: CaseloadBenchResult): void {
  console.log(`\nCaseload search-as-you-type, ${r.recipients} recipients (${r.indexed.n} keystrokes; queries: ${r.queries.join(' ')})`);
  console.table([
    { measure: 'indexed searchRecipients', p50_ms: r.indexed.p50, p95_ms: r.indexed.p95, max_ms: r.indexed.max },
    { measure: 'baseline: naive full scan', p50_ms: r.fullScan.p50, p95_ms: r.fullScan.p95, max_ms: r.fullScan.max },
  ]);
  console.log(`speed-up at p95: ${r.speedupP95}× (target: indexed p95 < 50 ms → ${r.indexed.p95 < 50 ? 'met' : 'MISSED'})`);
}

function load(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

function fmtLoad(l: readonly number[]): string {
  return l.join(', ');
}

function machineInfo(): string {
  return `${process.platform} ${process.arch}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
