import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { type Page, chromium } from '@playwright/test';
import { createServer } from 'vite';
import { DEMO_ACCOUNTS } from '../shared/demo';
import { PULL_PAGE } from '../renderer/sync/engine';
import type { BenchApi } from '../renderer/bench/benchPage';
import { printAttachmentVisits, printUploads, uploadThroughputBench } from './benchAttachments';
import type { CaseloadBenchResult } from '../renderer/bench/caseloadBench';
import type { LocalDataResult, TodayBenchResult, VisitBenchResult } from '../renderer/bench/localBench';
import { findPgBin, startTestCluster } from '../test/support/postgres';
import { type AppBenchResult, appBench, buildBenchApp, serveBenchApp } from './benchApp';
import { type LoadBenchResult, loadBench } from './benchLoad';
import type { SyncBootstrapResult, SyncPushResult } from '../renderer/bench/syncBench';
import type { BenchDataManifest, BenchDataSpec } from './benchData';
import { type PullBenchResult, pullThroughputBench } from './benchPull';
import { type BenchServer, startBenchServer } from './benchServerProcess';
import { chromiumLaunchOptions, chromiumPath } from './chromium';

/**
 * `npm run bench [-- --scale district|city] [--quick] [--only caseload,sync,attachments,…] [--keep]`: runs the
 * benchmarks in real Chromium against the real code (and, for sync, a real server in its own
 * process), prints a table of each figure with its baseline and ratio, and writes
 * bench-results.json. No timed assertions: these are measurements.
 */
type Scale = 'quick' | 'district' | 'city';

/**
 * What each scale runs. District and city are the issue's sizes; `--quick` is a smoke test of
 * every figure in a minute or two (small data, fewer repetitions), not a measurement to quote.
 */
interface ScalePlan {
  /** Recipients in the browser for figures 2–4, 7 and 8. */
  recipients: number;
  searchRounds: number;
  visits: number;
  pushEdits: number;
  pushWarmup: number;
  reloads: number;
  load: { stations: number; rounds: number; sequential: number };
  /** Photos uploaded for figure 9 (figures 10 and 11 save `visits` visits of three photos). */
  uploads: number;
}
const PLANS: Record<Scale, ScalePlan> = {
  quick: {
    recipients: 2_000,
    searchRounds: 1,
    visits: 60,
    pushEdits: 200,
    pushWarmup: 100,
    reloads: 2,
    load: { stations: 50, rounds: 2, sequential: 10 },
    uploads: 30,
  },
  district: {
    recipients: 50_000,
    searchRounds: 3,
    visits: 200,
    pushEdits: 1_000,
    pushWarmup: 500,
    reloads: 3,
    load: { stations: 200, rounds: 5, sequential: 20 },
    uploads: 200,
  },
  city: {
    recipients: 200_000,
    searchRounds: 3,
    visits: 200,
    pushEdits: 1_000,
    pushWarmup: 500,
    reloads: 3,
    load: { stations: 200, rounds: 5, sequential: 20 },
    uploads: 200,
  },
};

/**
 * The server data of the sync benchmarks. Quick: 1,000 recipients with a year of history
 * (19,520 rows). District: issue 4's 50,000 recipients with about 500,000
 * visits (16 months of history). A supervisor's device holds one district whatever the size of
 * the city, so the city scale syncs the district data set too.
 */
const SYNC_SPECS: Record<Scale, BenchDataSpec> = {
  quick: { recipients: 1_000, seed: 7, scopePrefix: '440304', historyMonths: 12 },
  district: { recipients: 50_000, seed: 7, scopePrefix: '440304', historyMonths: 16 },
  city: { recipients: 50_000, seed: 7, scopePrefix: '440304', historyMonths: 16 },
};
const PULL_TARGET = 100_000;
/** `--keep`: the origins of the kept bench page and app (their IndexedDB and localStorage are per origin). */
const KEPT_PAGE_PORT = 33303;
const KEPT_APP_PORT = 4791;
/** Per process: two runs at once (say a quick one beside a long one) must not share a profile. */
const profileDir = (args: Args): string =>
  args.keep
    ? // Kept per scale and per set of browser figures: `--only local --keep` beside `--only app --keep` is fine.
      `data/bench/chromium-kept-${args.scale}-${[...args.parts]
        .filter((p) => p !== 'pull' && p !== 'load')
        .sort()
        .join('+')}`
    : `data/bench/chromium-profile-${process.pid}`;
const SUPERVISOR = { username: DEMO_ACCOUNTS.supervisor.username, password: 'demo-pass', scope: DEMO_ACCOUNTS.supervisor.stationCode };

/**
 * pull: the server's pull path against raw SQL (Node); sync: bootstrap and push in the browser;
 * attachments: figures 10 and 11 in the browser, and figure 9 (uploads, Node) after everything else.
 */
const PARTS = ['pull', 'caseload', 'local', 'sync', 'app', 'load', 'attachments'] as const;
type Part = (typeof PARTS)[number];

/**
 * The load test's server data: the sync data set at quick and district scale; at city scale a
 * server holding the whole city (200,000 recipients, 16 months), loaded once into its cache.
 */
const LOAD_SPECS: Record<Scale, BenchDataSpec> = {
  quick: SYNC_SPECS.quick,
  district: SYNC_SPECS.district,
  city: { recipients: 200_000, seed: 7, scopePrefix: '4403', historyMonths: 16 },
};
/** The scope of the local and app figures: the supervisor's district, or the city admin's city. */
const LOCAL_SCOPE: Record<Scale, string> = { quick: '440304', district: '440304', city: '4403' };

interface Args {
  scale: Scale;
  plan: ScalePlan;
  parts: Set<Part>;
  /** `--keep`: the local figures' database stays in a profile per scale and is reused next time. */
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--scale');
  const scale = quick ? 'quick' : ((i >= 0 ? argv[i + 1] : 'district') ?? 'district');
  if (!(scale in PLANS)) throw new Error(`--scale must be district or city, got ${scale}`);
  const j = argv.indexOf('--only');
  const only = j >= 0 ? (argv[j + 1] ?? '').split(',') : [...PARTS];
  for (const p of only)
    if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only takes a comma-separated list of ${PARTS.join(', ')}; got ${p}`);
  const plan = PLANS[scale as Scale];
  return { scale: scale as Scale, plan, parts: new Set(only as Part[]), keep: argv.includes('--keep') };
}

/** One line of the summary table: a figure, its same-run baseline, the ratio, the target. */
interface SummaryRow {
  figure: string;
  result: string;
  baseline: string;
  ratio: string;
  target: string;
}
const summary: SummaryRow[] = [];
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

/** Runs one entry point of window.__bench with the page's own error text on failure. */
async function inPage<K extends keyof BenchApi>(
  page: Page,
  name: K,
  arg: Parameters<BenchApi[K]>[0],
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
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
  const has = (p: Part): boolean => args.parts.has(p);
  const results: Record<string, unknown> = {
    scale: args.scale,
    recipients: args.plan.recipients,
    parts: [...args.parts],
    machine: machineInfo(),
    startedAt: new Date().toISOString(),
    loadAverageAtStart: load(),
  };
  const log = (s: string): void => console.error(s);
  let benchServer: BenchServer | null = null;
  if (has('sync') || has('pull') || has('attachments') || (has('load') && LOAD_SPECS[args.scale] === SYNC_SPECS[args.scale])) {
    const spec = SYNC_SPECS[args.scale];
    log(`sync: starting the bench server (${spec.recipients} recipients in ${spec.scopePrefix})…`);
    benchServer = await startBenchServer(spec);
    // Before Vite reads its config: the dev server proxies /api there, so the page is same-origin.
    process.env.YOUFU_SERVER_URL = benchServer.url;
    results.syncData = { ...describeData(benchServer.manifest), cached: benchServer.cached, prepareMs: benchServer.prepareMs };
    printData(benchServer.manifest, benchServer.cached, benchServer.prepareMs);
  }
  const browserParts = has('caseload') || has('local') || has('sync') || has('app') || has('attachments');
  // No watcher and no HMR: the repository is shared and a long run (a district bootstrap takes
  // many minutes) must not be reloaded under its feet when someone saves a file.
  // A kept profile's databases belong to the page's origin: the same port every time.
  const port = args.keep ? KEPT_PAGE_PORT : 0;
  const vite = browserParts
    ? await createServer({
        configFile: 'vite.config.ts',
        server: { port, strictPort: args.keep, hmr: false, watch: null },
        logLevel: 'warn',
      })
    : null;
  // A profile on disk, fresh each run: a default (incognito) context keeps IndexedDB in memory
  // under a small quota that a district's bootstrap exceeds, and the app stores on disk anyway.
  const profile = profileDir(args);
  if (!args.keep) rmSync(profile, { recursive: true, force: true });
  const browser = browserParts ? await chromium.launchPersistentContext(profile, chromiumLaunchOptions()) : null;
  try {
    if (benchServer && has('pull')) {
      // In Node first, while nothing else runs: the server's read path against raw SQL.
      log(`sync: pulling up to ${PULL_TARGET} changes over HTTP…`);
      const pull = await pullThroughputBench(benchServer, {
        username: SUPERVISOR.username,
        password: SUPERVISOR.password,
        scopePrefix: SUPERVISOR.scope,
        target: PULL_TARGET,
        pageSize: PULL_PAGE,
      });
      results.pullThroughput = pull;
      printPull(pull);
    }
    if (vite && browser) {
      await vite.listen();
      const url = vite.resolvedUrls?.local[0];
      if (!url) throw new Error('vite did not report a URL');
      const page = await browser.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') console.error('[page]', m.text());
        else if (m.text().startsWith('[bench]')) console.error(m.text());
      });
      if (has('caseload') || has('local') || has('sync') || has('attachments')) {
        await page.goto(`${url}bench/index.html`, { timeout: 180_000 });
        await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 120_000 });
      }

      if (has('caseload')) {
        log(`caseload search: loading ${args.plan.recipients} recipients…`);
        const caseload = await inPage(page, 'caseloadSearchBench', {
          recipients: args.plan.recipients,
          seed: 7,
          rounds: args.plan.searchRounds,
        });
        results.caseloadSearch = caseload;
        printCaseload(caseload);
      }
      if (has('local')) {
        log(`local: loading ${args.plan.recipients} recipients with duties, occurrences and a month of history…`);
        const data = await inPage(page, 'localDataLoad', {
          recipients: args.plan.recipients,
          seed: 7,
          scopePrefix: LOCAL_SCOPE[args.scale],
          keep: args.keep,
        });
        const today = await inPage(page, 'todayBench', { rounds: 10 });
        const visit = await inPage(page, 'visitBench', { visits: args.plan.visits, warmup: 10 });
        await inPage(page, 'localBenchCleanup', { keep: args.keep });
        results.localData = data;
        results.today = today;
        results.visit = visit;
        printLocal(data, today, visit);
      }
      if (benchServer && has('sync')) {
        log('sync: bootstrap of an empty client…');
        const boot = await inPage(page, 'syncBootstrapBench', {
          username: SUPERVISOR.username,
          password: SUPERVISOR.password,
          pageSize: PULL_PAGE,
        });
        results.syncBootstrap = boot;
        printBootstrap(boot);
        log(`sync: push of ${args.plan.pushEdits} offline edits…`);
        const push = await inPage(page, 'syncPushBench', { edits: args.plan.pushEdits, warmup: args.plan.pushWarmup });
        results.syncPush = push;
        printPush(push);
        await inPage(page, 'syncBenchCleanup', undefined);
      }
      if (has('attachments')) {
        log(`attachments: ${args.plan.visits} visits with three photos…`);
        const r = await inPage(page, 'attachmentVisitBench', { visits: args.plan.visits, warmup: 10 });
        results.attachmentVisits = r;
        summary.push(...printAttachmentVisits(r));
      }
      await page.close();
      if (has('app')) {
        log('app: building the renderer for the cold start…');
        const buildMs = await buildBenchApp();
        // A kept profile's app data belongs to its origin: the same port every time.
        const app = await serveBenchApp(args.keep ? KEPT_APP_PORT : 0);
        try {
          const r = await appBench(browser, app, {
            recipients: args.plan.recipients,
            historyMonths: 1,
            reloads: args.plan.reloads,
            keep: args.keep,
            log,
          });
          results.app = { ...r, buildMs };
          printApp(r);
        } finally {
          await app.close();
        }
      }
    }
    if (has('load')) {
      const loads: LoadBenchResult[] = [];
      const spec = LOAD_SPECS[args.scale];
      const cfg = args.plan.load;
      const pgliteServer = benchServer ?? (await startBenchServer(spec));
      try {
        loads.push(
          await loadBench(pgliteServer, {
            backend: 'pglite',
            stations: cfg.stations,
            rounds: cfg.rounds,
            sequentialStations: cfg.sequential,
            log,
          }),
        );
        printLoad(loads.at(-1)!);
      } finally {
        if (pgliteServer !== benchServer) await pgliteServer.stop();
      }
      const pg = findPgBin();
      if (!pg) {
        log('load: no PostgreSQL binaries (npm install brings them on linux and macOS): the PostgreSQL load test is skipped');
        results.loadPostgresSkipped = 'no PostgreSQL binaries';
      } else {
        if (pg.source === 'npm') log(`load: PostgreSQL from npm (${pg.bin})`);
        const cluster = await startTestCluster(pg.bin);
        try {
          const pgServer = await startBenchServer(spec, cluster.url);
          try {
            loads.push(
              await loadBench(pgServer, {
                backend: 'postgres',
                stations: cfg.stations,
                rounds: cfg.rounds,
                sequentialStations: cfg.sequential,
                log,
              }),
            );
            printLoad(loads.at(-1)!);
          } finally {
            await pgServer.stop();
          }
        } finally {
          cluster.stop();
        }
      }
      results.load = loads;
    }
    if (benchServer && has('attachments')) {
      // Last, so that its rows and blobs change nothing the other figures read from the server.
      log(`attachments: uploading ${args.plan.uploads} photos through tus…`);
      const r = await uploadThroughputBench(benchServer, {
        username: SUPERVISOR.username,
        password: SUPERVISOR.password,
        photos: args.plan.uploads,
      });
      results.uploads = r;
      summary.push(printUploads(r));
    }
  } finally {
    await browser?.close();
    if (!args.keep) rmSync(profile, { recursive: true, force: true });
    await vite?.close();
    await benchServer?.stop();
  }
  results.loadAverageAtEnd = load();
  results.summary = summary;
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nSummary (${args.scale} scale; every baseline measured in this run)`);
  console.table(summary);
  console.log(`machine: ${machineInfo()}`);
  console.log(
    `load average (1, 5, 15 min) at start ${fmtLoad(results.loadAverageAtStart as number[])}, at end ${fmtLoad(load())} on ${cpus().length} cores`,
  );
  console.log('wrote bench-results.json');
}

function describeData(m: BenchDataManifest): Record<string, unknown> {
  return { spec: m.spec, rows: m.rows, totalRows: m.totalRows, loadMs: m.loadMs, loadedAt: m.loadedAt };
}

function printData(m: BenchDataManifest, cached: boolean, prepareMs: number): void {
  const history = m.spec.historyMonths === null ? 'five years (full)' : `${m.spec.historyMonths} months`;
  console.log(
    `\nSync data set: ${m.spec.recipients} recipients in ${m.spec.scopePrefix}, ${history} of history, seed ${m.spec.seed}: ${m.totalRows} rows`,
  );
  console.table(Object.entries(m.rows).map(([table, rows]) => ({ table, rows })));
  console.log(
    cached
      ? `(cached server data; copied for this run in ${prepareMs} ms)`
      : `(generated and loaded into PGlite in ${Math.round(m.loadMs / 1000)} s; cached for later runs)`,
  );
}

const ms = (x: number): string => `${x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 1 : 0 })} ms`;
const n = (x: number): string => x.toLocaleString('en-US');

function printPull(r: PullBenchResult): void {
  console.log(
    `\nPull throughput, ${r.changes} changes in ${r.pages} pages of ${r.pageSize} (Node → server over HTTP, the app's transport)`,
  );
  console.table([
    { measure: 'HTTP pull, page by page', ms: r.httpMs, rows_per_s: r.httpRowsPerSec },
    { measure: '  the pull handler alone, in-process', ms: r.handlerMs, rows_per_s: r.handlerRowsPerSec },
    { measure: 'baseline: raw SQL read of the same rows', ms: r.rawSqlMs, rows_per_s: r.rawSqlRowsPerSec },
  ]);
  console.log(`ratio (raw SQL time / HTTP pull time): ${r.ratio}`);
  summary.push({
    figure: `(5) pull of ${n(r.changes)} changes over HTTP`,
    result: `${n(r.httpRowsPerSec)} rows/s`,
    baseline: `raw SQL read: ${n(r.rawSqlRowsPerSec)} rows/s`,
    ratio: `${r.ratio} of raw`,
    target: '—',
  });
}

function printBootstrap(r: SyncBootstrapResult): void {
  console.log(
    `\nBootstrap of an empty client: ${r.rows} rows in ${r.pages} pages of ${r.pageSize} (${Object.entries(r.byTable)
      .map(([t, k]) => `${t} ${k}`)
      .join(', ')})`,
  );
  console.table([
    { measure: 'SyncEngine bootstrap (HTTP via Vite proxy → IndexedDB)', ms: r.bootstrapMs, rows_per_s: r.rowsPerSec },
    { measure: '  pull requests in flight (HTTP, JSON, zod), overlapping the writes', ms: r.pullTransportMs, rows_per_s: '' },
    { measure: 'baseline: raw Dexie bulkPut of the same stored rows', ms: r.baselineMs, rows_per_s: r.baselineRowsPerSec },
  ]);
  console.log(`ratio (baseline time / bootstrap time): ${r.ratio} (target ≥ 0.7 → ${verdict(r.ratio >= 0.7)})`);
  summary.push({
    figure: `(1) bootstrap of ${n(r.rows)} rows`,
    result: `${ms(r.bootstrapMs)} (${n(r.rowsPerSec)} rows/s)`,
    baseline: `raw bulkPut: ${ms(r.baselineMs)}`,
    ratio: `${r.ratio} of raw`,
    target: `≥ 0.7: ${verdict(r.ratio >= 0.7)}`,
  });
}

function printPush(r: SyncPushResult): void {
  console.log(
    `\nPush of ${r.edits} offline edits (${Object.entries(r.editKinds)
      .map(([k, c]) => `${c} ${k}`)
      .join(', ')}) in ${r.batches} batches`,
  );
  console.table([
    { measure: 'making the edits (repositories, one transaction each)', ms: r.editMs },
    { measure: 'SyncEngine push (outbox → server → settled)', ms: r.pushMs },
    { measure: '  of which waiting on push requests', ms: r.pushTransportMs },
    { measure: 'SyncEngine whole round (push + pull of the echo)', ms: r.syncMs },
    { measure: 'baseline: as many repository mutations POSTed raw', ms: r.baselineMs },
  ]);
  console.log(
    `ratio (baseline time / engine push time): ${r.ratio}; pushed ${r.pushed}, rejected ${r.rejected}; baseline applied ${r.baselineApplied}`,
  );
  summary.push({
    figure: `(5) push of ${n(r.edits)} offline edits`,
    result: ms(r.pushMs),
    baseline: `raw POST: ${ms(r.baselineMs)}`,
    ratio: `${r.ratio} of raw`,
    target: '—',
  });
}

function printCaseload(r: CaseloadBenchResult): void {
  console.log(`\nCaseload search-as-you-type, ${r.recipients} recipients (${r.indexed.n} keystrokes; queries: ${r.queries.join(' ')})`);
  console.table([
    { measure: 'indexed searchRecipients', p50_ms: r.indexed.p50, p95_ms: r.indexed.p95, max_ms: r.indexed.max },
    { measure: 'baseline: naive full scan', p50_ms: r.fullScan.p50, p95_ms: r.fullScan.p95, max_ms: r.fullScan.max },
  ]);
  console.log(`speed-up at p95: ${r.speedupP95}× (target: indexed p95 < 50 ms → ${verdict(r.indexed.p95 < 50)})`);
  summary.push({
    figure: `(2) caseload search p95, ${n(r.recipients)} recipients`,
    result: `${ms(r.indexed.p95)} (p50 ${ms(r.indexed.p50)})`,
    baseline: `full scan p95: ${ms(r.fullScan.p95)}`,
    ratio: `${r.speedupP95}× faster`,
    target: `< 50 ms: ${verdict(r.indexed.p95 < 50)}`,
  });
}

function printLocal(d: LocalDataResult, t: TodayBenchResult, v: VisitBenchResult): void {
  console.log(
    `\nLocal database: ${d.recipients} recipients in ${d.scopePrefix}, ${d.rows} rows (${Object.entries(d.byTable)
      .map(([k, c]) => `${k} ${c}`)
      .join(', ')}), loaded in ${Math.round(d.loadMs / 1000)} s`,
  );
  console.log(
    `\nToday list (due and overdue) for ${d.scopePrefix} on ${t.today}: ${t.items} items (${t.overdue} overdue, ${t.dueSoon} due soon), ${t.openRequests} open requests`,
  );
  console.table([
    { measure: 'Today (sorted list + first page), first after opening', p50_ms: t.firstMs, p95_ms: '', max_ms: '' },
    {
      measure: "Today: loadTodayData + the first page's details",
      p50_ms: t.computation.p50,
      p95_ms: t.computation.p95,
      max_ms: t.computation.max,
    },
    {
      measure: 'baseline: raw index read of the same pending occurrences',
      p50_ms: t.baseline.p50,
      p95_ms: t.baseline.p95,
      max_ms: t.baseline.max,
    },
  ]);
  const todayWorst = Math.max(t.firstMs, t.computation.p95);
  console.log(`ratio (baseline p95 / computation p95): ${t.ratio} (target < 200 ms → ${verdict(todayWorst < 200)})`);
  summary.push({
    figure: `(3) Today list, ${n(d.recipients)} recipients (${n(t.items)} items)`,
    result: `p95 ${ms(t.computation.p95)}, first ${ms(t.firstMs)}`,
    baseline: `raw index read p95: ${ms(t.baseline.p95)}`,
    ratio: `${t.ratio} of raw`,
    target: `< 200 ms: ${verdict(todayWorst < 200)}`,
  });
  console.log(
    `\nLogging one visit end to end (${v.visits} visits, each fulfilling an occurrence; ${v.outboxPerVisit} outbox entries per visit, ${v.nextOccurrences} next occurrences computed)`,
  );
  console.table([
    {
      measure: 'logVisit (transaction, outbox, audit, occurrence done, next computed)',
      p50_ms: v.logVisit.p50,
      p95_ms: v.logVisit.p95,
      max_ms: v.logVisit.max,
    },
    { measure: 'baseline: raw single Dexie put of a stored visit', p50_ms: v.baseline.p50, p95_ms: v.baseline.p95, max_ms: v.baseline.max },
  ]);
  console.log(`ratio (baseline p95 / logVisit p95): ${v.ratio} (target p95 < 30 ms → ${verdict(v.logVisit.p95 < 30)})`);
  summary.push({
    figure: `(4) log one visit, ${n(d.recipients)} recipients`,
    result: `p95 ${ms(v.logVisit.p95)} (p50 ${ms(v.logVisit.p50)})`,
    baseline: `raw put p95: ${ms(v.baseline.p95)}`,
    ratio: `${v.ratio} of raw`,
    target: `p95 < 30 ms: ${verdict(v.logVisit.p95 < 30)}`,
  });
}

function printApp(r: AppBenchResult): void {
  console.log(
    `\nThe app (production build) with ${r.recipients} recipients and ${r.historyMonths} month of history in IndexedDB (loaded by its offline demo in ${Math.round(r.loadMs / 1000)} s)`,
  );
  console.table([
    ...r.coldStarts.map((c, i) => ({
      measure: `cold start ${i + 1}: reload → caseload rows + search usable`,
      ms: c.interactiveMs,
      list_complete_ms: c.listCompleteMs ?? '',
    })),
    { measure: 'baseline: the same build, empty profile (reload → sign-in box usable)', ms: r.baselineColdStartMs, list_complete_ms: '' },
  ]);
  console.log(
    `cold start (median) ${r.coldStartMs} ms, ${r.coldStartRatio}× the empty app (target < 3 s → ${verdict(r.coldStartMs < 3000)})`,
  );
  console.table([
    { measure: 'JS heap after GC, caseload shown', mb: r.heapAfterCaseloadMb },
    { measure: `JS heap after GC, Today shown (${r.todayRows} rows rendered)`, mb: r.heapAfterTodayMb },
    { measure: 'baseline: the empty app (sign-in screen)', mb: r.baselineHeapMb },
  ]);
  summary.push({
    figure: `(7) cold start to an interactive caseload, ${n(r.recipients)} recipients`,
    result: ms(r.coldStartMs),
    baseline: `empty app: ${ms(r.baselineColdStartMs)}`,
    ratio: `${r.coldStartRatio}×`,
    target: `< 3 s: ${verdict(r.coldStartMs < 3000)}`,
  });
  summary.push({
    figure: `(8) renderer JS heap, caseload + Today, ${n(r.recipients)} recipients`,
    result: `${r.heapAfterTodayMb} MB (caseload alone ${r.heapAfterCaseloadMb} MB)`,
    baseline: `empty app: ${r.baselineHeapMb} MB`,
    ratio: `${r.heapRatio}×`,
    target: '—',
  });
}

function printLoad(r: LoadBenchResult): void {
  console.log(
    `\nServer under load (${r.backend}): ${r.concurrent.stations} stations, each from its own address, ${r.concurrent.rounds} sync rounds each (push 5 new rows, pull to the end)`,
  );
  const row = (measure: string, p: LoadBenchResult['concurrent']) => ({
    measure,
    requests: p.requests,
    wall_ms: p.wallMs,
    req_per_s: p.requestsPerSec,
    mutations_per_s: p.mutationsPerSec,
    push_p95_ms: p.push.p95,
    pull_p95_ms: p.pull.p95,
    all_p50_ms: p.all.p50,
    all_p95_ms: p.all.p95,
  });
  console.table([
    row(`${r.concurrent.stations} stations at once`, r.concurrent),
    row(`baseline: ${r.sequential.stations} stations one request at a time`, r.sequential),
  ]);
  console.log(
    `sign-in of all ${r.concurrent.stations} at once: p50 ${r.login.p50} ms, p95 ${r.login.p95} ms; accounts made in ${r.accountsMs} ms`,
  );
  console.log(`ratio (concurrent / sequential throughput): ${r.ratio}; errors: ${r.errors} (target 0 → ${verdict(r.errors === 0)})`);
  for (const e of r.errorSamples) console.log(`  error: ${e}`);
  summary.push({
    figure: `(6) ${r.concurrent.stations} stations syncing at once, ${r.backend}`,
    result: `${r.concurrent.requestsPerSec} req/s, p95 ${ms(r.concurrent.all.p95)}, ${r.errors} errors`,
    baseline: `sequential: ${r.sequential.requestsPerSec} req/s, p95 ${ms(r.sequential.all.p95)}`,
    ratio: `${r.ratio}× throughput`,
    target: `0 errors: ${verdict(r.errors === 0)}`,
  });
}

function load(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

function fmtLoad(l: readonly number[]): string {
  return l.join(', ');
}

function machineInfo(): string {
  let chromiumVersion = 'chromium ?';
  try {
    chromiumVersion = execFileSync(chromiumPath() ?? 'chromium', ['--version'], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // No Chromium found: the browser figures would have failed already.
  }
  return `${process.platform} ${process.arch}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, ${chromiumVersion}`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
