import { retryDelayMs } from '../../shared/sync/backoff';
import { type SyncSchedule, nextScheduledSync } from '../../shared/sync/schedule';
import type { SyncOutcome } from './engine';
import type { SyncError } from './transport';

/**
 * Decides when the engine runs: on start, on reconnect, a few seconds after each local change,
 * and on the schedule's timer; after a failure it retries with backoff and jitter. A weekly
 * (supervisor) or manual schedule ignores local changes and reconnects: those users sync when
 * the week comes round or when they press "sync now".
 */
export type SchedulerState =
  | { kind: 'idle'; nextAt: number | null }
  | { kind: 'syncing' }
  | { kind: 'retrying'; error: SyncError; nextAt: number; failures: number }
  | { kind: 'offline' }
  | { kind: 'signed_out'; error: SyncError };

export interface SchedulerDeps {
  run: () => Promise<SyncOutcome>;
  schedule: () => SyncSchedule;
  lastSuccessAt: () => Promise<number | null>;
  isOnline: () => boolean;
  now: () => number;
  random: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  onState: (s: SchedulerState) => void;
  debounceMs?: number;
}

export class SyncScheduler {
  private timer: unknown = null;
  private failures = 0;
  private stopped = true;
  private pendingRun: Promise<void> | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  async start(): Promise<void> {
    this.stopped = false;
    const schedule = this.deps.schedule();
    if (schedule.kind === 'interval') return this.syncNow();
    const last = await this.deps.lastSuccessAt();
    const due = last === null ? this.deps.now() : nextScheduledSync(schedule, last);
    if (due !== null && due <= this.deps.now()) return this.syncNow();
    this.arm(due);
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** A local write happened: sync a moment later, once typing and saving have settled. */
  notifyLocalChange(): void {
    if (this.stopped || this.deps.schedule().kind !== 'interval') return;
    this.disarm();
    this.timer = this.deps.setTimer(() => void this.syncNow(), this.deps.debounceMs ?? 3000);
  }

  notifyOnline(): void {
    if (this.stopped || this.deps.schedule().kind !== 'interval') return;
    void this.syncNow();
  }

  notifyOffline(): void {
    if (this.stopped) return;
    this.disarm();
    this.deps.onState({ kind: 'offline' });
  }

  /** Runs a round now (or joins the one under way) and arms the next trigger. */
  syncNow(): Promise<void> {
    this.pendingRun ??= this.runOnce().finally(() => {
      this.pendingRun = null;
    });
    return this.pendingRun;
  }

  private async runOnce(): Promise<void> {
    this.disarm();
    if (!this.deps.isOnline()) {
      this.deps.onState({ kind: 'offline' });
      return;
    }
    this.deps.onState({ kind: 'syncing' });
    const outcome = await this.deps.run();
    if (this.stopped) return;
    if (outcome.ok) {
      this.failures = 0;
      this.arm(nextScheduledSync(this.deps.schedule(), this.deps.now()));
      return;
    }
    if (outcome.error.code === 'unauthorized') {
      this.deps.onState({ kind: 'signed_out', error: outcome.error });
      return;
    }
    // Everything else is retried with backoff: the network comes back, a clock gets fixed,
    // an upgraded server starts accepting our schema. The outbox waits meanwhile.
    this.failures++;
    const delay = retryDelayMs(this.failures, this.deps.random());
    const nextAt = this.deps.now() + delay;
    this.timer = this.deps.setTimer(() => void this.syncNow(), delay);
    this.deps.onState({ kind: 'retrying', error: outcome.error, nextAt, failures: this.failures });
  }

  private arm(at: number | null): void {
    this.disarm();
    if (at !== null && !this.stopped) this.timer = this.deps.setTimer(() => void this.syncNow(), Math.max(0, at - this.deps.now()));
    this.deps.onState({ kind: 'idle', nextAt: at });
  }

  private disarm(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }
}
