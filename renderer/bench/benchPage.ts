import { caseloadSearchBench } from './caseloadBench';
import { syncBenchCleanup, syncBootstrapBench, syncPushBench } from './syncBench';

/** The benchmark entry points the bench runner (scripts/bench.ts) calls through Playwright. */
const api = { caseloadSearchBench, syncBootstrapBench, syncPushBench, syncBenchCleanup };
export type BenchApi = typeof api;

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

window.__bench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'bench ready';
