import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * The last resort against a wedged process. After PostgreSQL inside PGlite PANICs (a WAL write
 * on a full disk), its next query can block the JavaScript thread itself: no timer fires, no
 * request is answered, and only a restart helps. The storage guard cannot see that from inside
 * the blocked thread; a worker thread can. The main thread ticks a shared counter every second;
 * when the counter has not moved for `stallMs`, the worker writes why to stderr (directly to fd
 * 2: the main thread that would forward its output is the one that is stuck) and kills the
 * process, so that the supervisor restarts it. A busy but healthy server ticks between
 * requests; `stallMs` (STALL_EXIT_MS, 60 s by default) is far above any one synchronous step.
 */
export interface Watchdog {
  stop: () => Promise<void>;
}

const WORKER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const ticks = new Int32Array(workerData.buffer);
let last = Atomics.load(ticks, 0);
let lastChange = Date.now();
setInterval(() => {
  const now = Atomics.load(ticks, 0);
  if (now !== last) { last = now; lastChange = Date.now(); return; }
  if (Date.now() - lastChange >= workerData.stallMs) {
    writeSync(2, 'server stalled: the main thread has not run for ' + (Date.now() - lastChange) + ' ms (a wedged database engine?); killing the process so that the supervisor restarts it\\n');
    process.kill(workerData.pid, 'SIGKILL');
  }
}, Math.min(1000, workerData.stallMs / 4));
`;

export function startWatchdog(stallMs: number): Watchdog {
  const buffer = new SharedArrayBuffer(4);
  const ticks = new Int32Array(buffer);
  const worker = new Worker(WORKER, { eval: true, workerData: { buffer, stallMs, pid: process.pid } });
  worker.unref();
  worker.on('error', (e) => {
    writeSync(2, `watchdog failed: ${e.message}\n`);
  });
  const tick = setInterval(() => Atomics.add(ticks, 0, 1), Math.min(1000, stallMs / 4));
  tick.unref();
  return {
    async stop() {
      clearInterval(tick);
      await worker.terminate();
    },
  };
}
