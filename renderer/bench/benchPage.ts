import { attachmentVisitBench } from './attachmentBench';
import { caseloadSearchBench } from './caseloadBench';
import { localBenchCleanup, localDataLoad, todayBench, visitBench } from './localBench';
import { syncBenchCleanup, syncBootstrapBench, syncPushBench } from './syncBench';

/** The benchmark entry points the bench runner (scripts/bench.ts) calls through Playwright. */
const api = {
  caseloadSearchBench,
  syncBootstrapBench,
  syncPushBench,
  syncBenchCleanup,
  localDataLoad,
  todayBench,
  visitBench,
  localBenchCleanup,
  attachmentVisitBench,
};
export type BenchApi = typeof api;

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

window.__bench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'bench ready';
