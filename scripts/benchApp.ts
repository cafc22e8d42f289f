import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { build, preview } from 'vite';

/**
 * Cold start and memory of the real app at scale: the production build (as Electron loads it),
 * served by Vite's preview server on a free port, in the bench's Chromium. The app's own
 * offline-demo path fills its database (the supervisor's district: N recipients, their duties
 * and pending occurrences, a month of history), then the page is reloaded and timed until the
 * caseload's first rows are on screen and its search box takes input. Memory is the JS heap
 * after a forced GC with the caseload and then Today shown (CDP Performance.getMetrics).
 * Baselines: the same build opened on another origin (an empty profile there: the sign-in
 * screen), timed to its username box and measured the same way.
 */
export interface ColdStartSample {
  /** Navigation start → first caseload row rendered and the search box enabled. */
  interactiveMs: number;
  /** Navigation start → the caseload's count line complete (every row listed). */
  listCompleteMs: number | null;
}

export interface AppBenchResult {
  recipients: number;
  historyMonths: number;
  /** The app's own demo load into IndexedDB (not a figure, for the record). */
  loadMs: number;
  coldStarts: ColdStartSample[];
  /** Median of coldStarts.interactiveMs. */
  coldStartMs: number;
  baselineColdStartMs: number;
  /** coldStartMs / baseline: how much longer the district takes than an empty app. */
  coldStartRatio: number;
  heapAfterCaseloadMb: number;
  heapAfterTodayMb: number;
  baselineHeapMb: number;
  heapRatio: number;
  todayRows: number;
}

const OUT_DIR = resolve('data/bench/app');

/** Builds the renderer into data/bench/app (not dist/: others build there at the same time). */
export async function buildBenchApp(): Promise<number> {
  const t = performance.now();
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  return Math.round(performance.now() - t);
}

export interface BenchAppServer {
  url: string;
  /** The same server under another host name: another origin, hence an empty profile. */
  otherOriginUrl: string;
  close: () => Promise<void>;
}

export async function serveBenchApp(port = 0): Promise<BenchAppServer> {
  const server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: port !== 0 },
  });
  const addr = server.httpServer.address();
  if (typeof addr !== 'object' || !addr) throw new Error('the preview server did not report its port');
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    otherOriginUrl: `http://localhost:${addr.port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.httpServer.close(() => done());
        // Keep-alive connections of a browser still open (a kept profile) would hold close() forever.
        if ('closeAllConnections' in server.httpServer) server.httpServer.closeAllConnections();
      }),
  };
}

/**
 * Runs in the page before any of the app's scripts: notes (in performance.now() time, which
 * starts at navigation) when a selector first matches an enabled element, and when the
 * caseload's count line stops saying "…".
 */
const MARKS_SCRIPT = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    const now = performance.now();
    if (marks.caseload === undefined) {
      const row = document.querySelector('[data-testid="caseload-row"]');
      const search = document.querySelector('input[data-testid="caseload-search"], [data-testid="caseload-search"] input');
      if (row && search && !search.disabled) marks.caseload = now;
    }
    if (marks.complete === undefined) {
      const count = document.querySelector('[data-testid="caseload-count"]');
      if (count && count.textContent && !count.textContent.includes('…') && document.querySelector('[data-testid="caseload-row"]')) marks.complete = now;
    }
    if (marks.login === undefined) {
      const input = document.querySelector('input[data-testid="login-username"], [data-testid="login-username"] input');
      if (input && !input.disabled) marks.login = now;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

interface Marks {
  caseload?: number;
  complete?: number;
  login?: number;
}

async function marks(page: Page, want: keyof Marks, timeoutMs: number): Promise<Marks> {
  await page.waitForFunction(
    (k) => (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks?.[k] !== undefined,
    want,
    { timeout: timeoutMs, polling: 100 },
  );
  return page.evaluate(() => (window as unknown as { __benchMarks: Marks }).__benchMarks);
}

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('no JSHeapUsedSize metric');
    return Math.round((used / 1024 / 1024) * 10) / 10;
  } finally {
    await cdp.detach();
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const round = (x: number): number => Math.round(x);

export async function appBench(
  context: BrowserContext,
  app: BenchAppServer,
  opts: {
    recipients: number;
    historyMonths: number;
    reloads: number;
    log: (s: string) => void;
    /** A kept profile (`--keep`): a caseload already loaded there by an earlier run is used as it is. */
    keep?: boolean;
  },
): Promise<AppBenchResult> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: MARKS_SCRIPT });
    const t0 = performance.now();
    let loadMs = 0;
    let kept = false;
    if (opts.keep) {
      await page.goto(`${app.url}#/caseload`);
      const first = await page.waitForSelector(
        '[data-testid="caseload-row"], [data-testid="start-screen"], [data-testid="login-username"]',
        { timeout: 120_000 },
      );
      kept = (await first.getAttribute('data-testid')) === 'caseload-row';
    }
    if (kept) {
      opts.log('app: the kept profile already holds a caseload; not loading it again');
    } else {
      opts.log(`app: the app loads ${opts.recipients} recipients (${opts.historyMonths} month of history) through its offline demo…`);
      await page.goto(
        `${app.url}#/caseload?demoRecipients=${opts.recipients}&demoAccount=supervisor&demoHistoryMonths=${opts.historyMonths}`,
      );
      await marks(page, 'caseload', 60 * 60_000);
      loadMs = round(performance.now() - t0);
    }

    const coldStarts: ColdStartSample[] = [];
    for (let i = 0; i < opts.reloads; i++) {
      await page.reload();
      const m = await marks(page, 'caseload', 120_000);
      const done = await marks(page, 'complete', 120_000).catch(() => m);
      coldStarts.push({ interactiveMs: round(m.caseload!), listCompleteMs: done.complete === undefined ? null : round(done.complete) });
    }
    const heapAfterCaseloadMb = await heapMb(context, page);
    await page.getByTestId('nav-today').click();
    await page.getByTestId('today-row').first().waitFor({ timeout: 120_000 });
    const todayRows = await page.getByTestId('today-row').count();
    const heapAfterTodayMb = await heapMb(context, page);

    // The baseline: the same build on another origin, where nothing is stored: the sign-in screen.
    const blank = await context.newPage();
    try {
      await blank.addInitScript({ content: MARKS_SCRIPT });
      await blank.goto(app.otherOriginUrl);
      await marks(blank, 'login', 60_000);
      const baselines: number[] = [];
      for (let i = 0; i < opts.reloads; i++) {
        await blank.reload();
        baselines.push((await marks(blank, 'login', 60_000)).login!);
      }
      const baselineHeapMb = await heapMb(context, blank);
      const coldStartMs = median(coldStarts.map((c) => c.interactiveMs));
      const baselineColdStartMs = round(median(baselines));
      return {
        recipients: opts.recipients,
        historyMonths: opts.historyMonths,
        loadMs,
        coldStarts,
        coldStartMs,
        baselineColdStartMs,
        coldStartRatio: Math.round((coldStartMs / baselineColdStartMs) * 100) / 100,
        heapAfterCaseloadMb,
        heapAfterTodayMb,
        baselineHeapMb,
        heapRatio: Math.round((heapAfterTodayMb / baselineHeapMb) * 100) / 100,
        todayRows,
      };
    } finally {
      await blank.close();
    }
  } finally {
    await page.close();
  }
}
