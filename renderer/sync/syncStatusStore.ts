import { create } from 'zustand';
import type { SyncProgress, SyncReport } from './engine';
import type { SchedulerState } from './scheduler';

/**
 * What the UI shows about sync: the scheduler's state, the running round's progress and the
 * last report. Session state only; the durable facts (last success, last error, rejected
 * records, pending count) live in the local database's syncState and outbox.
 */
export interface SyncStatus {
  state: SchedulerState;
  progress: SyncProgress | null;
  lastReport: SyncReport | null;
  /** Set by the runtime: runs a round now. */
  syncNow: (() => Promise<void>) | null;
  set: (patch: Partial<Omit<SyncStatus, 'set'>>) => void;
}

export const useSyncStatus = create<SyncStatus>()((set) => ({
  state: { kind: 'idle', nextAt: null },
  progress: null,
  lastReport: null,
  syncNow: null,
  set: (patch) => set(patch),
}));
