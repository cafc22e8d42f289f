import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import type { BenchApi } from '../renderer/bench/benchPage';
import type { CaseloadBenchResult } from '../renderer/bench/caseloadBench';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

/**
 * `npm run bench [-- --scale district|city] [--quick]`: runs the benchmarks in real Chromium
 * against the real code, prints a table of each figure with its baseline and ratio, and writes
 * bench-results.json. No timed assertions: these are measurements.
 */
const SCALES = { quick: 5_000, district: 50_000, city: 200_000 } as const;

function parseArgs(argv: string[]): { recipients: number; scale: string } {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--scale');
  const scale = quick ? 'quick' : (i >= 0 ? argv[i + 1] : 'district') ?? 'district';
  if (!(scale in SCALES)) throw new Error(`--scale must be district or city, got ${scale}`);
  return { recipients: SCALES[scale as keyof typeof SCALES], scale };
}

async function main(): Promise<void> {
  const { recipients, scale } = parseArgs(process.argv.slice(2));
  const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, strictPort: false }, logLevel: 'warn' });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite did not report a URL');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const results: Record<string, unknown> = { scale, recipients, machine: machineInfo(), startedAt: new Date().toISOString() };
  try {
    const page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error') console.error('[page]', m.text()); });
    await page.goto(`${url}bench/index.html`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 120_000 });

    console.error(`caseload search: loading ${recipients} recipients…`);
    const caseload = await page.evaluate(
      async (opts) => {
        try {
          return await (window.__bench as BenchApi).caseloadSearchBench(opts);
        } catch (e) {
          throw new Error(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e));
        }
      },
      { recipients, seed: 7, rounds: scale === 'quick' ? 2 : 3 },
    );
    results.caseloadSearch = caseload;
    printCaseload(caseload);
  } finally {
    await browser.close();
    await server.close();
  }
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench-results.json');
}

function printCaseload(r: CaseloadBenchResult): void {
  console.log(`\nCaseload search-as-you-type, ${r.recipients} recipients (${r.indexed.n} keystrokes; queries: ${r.queries.join(' ')})`);
  console.table([
    { measure: 'indexed searchRecipients', p50_ms: r.indexed.p50, p95_ms: r.indexed.p95, max_ms: r.indexed.max },
    { measure: 'baseline: naive full scan', p50_ms: r.fullScan.p50, p95_ms: r.fullScan.p95, max_ms: r.fullScan.max },
  ]);
  console.log(`speed-up at p95: ${r.speedupP95}× (target: indexed p95 < 50 ms → ${r.indexed.p95 < 50 ? 'met' : 'MISSED'})`);
}

function machineInfo(): string {
  return `${process.platform} ${process.arch}, node ${process.version}`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
