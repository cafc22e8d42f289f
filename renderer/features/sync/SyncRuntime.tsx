import { useEffect } from 'react';
import { DEFAULT_SCHEDULE, type SyncSchedule } from '../../../shared/sync/schedule';
import { createSessionAttachmentTransport, createSessionTransport } from '../../platform/session';
import { uploadPendingAttachments } from '../../sync/attachmentUploads';
import { applyOriginalsRetention } from '../../db/attachmentRetention';
import { watchQuery } from '../../db/live';
import { countOutbox } from '../../db/outboxRepository';
import { readSyncState } from '../../db/syncStateRepository';
import { SyncEngine } from '../../sync/engine';
import { SyncScheduler } from '../../sync/scheduler';
import { useSyncStatus } from '../../sync/syncStatusStore';
import { useDbSession } from '../../app/DbProvider';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';

export function parseSchedule(value: unknown): SyncSchedule {
  if (typeof value !== 'string') return DEFAULT_SCHEDULE;
  try {
    const s = JSON.parse(value) as SyncSchedule;
    return s.kind === 'interval' || s.kind === 'weekly' || s.kind === 'manual' ? s : DEFAULT_SCHEDULE;
  } catch {
    return DEFAULT_SCHEDULE;
  }
}

/**
 * Runs sync for a server session in the background: on start, on reconnect, a few seconds
 * after each local change and on the schedule. Renders nothing; the UI reads useSyncStatus.
 * The local demo session has no server, so nothing runs there.
 */
export function SyncRuntime() {
  const { db, user, serverId } = useDbSession();
  const set = useSyncStatus((s) => s.set);

  useEffect(() => {
    if (serverId === LOCAL_DEMO_SERVER_ID) return;
    let schedule: SyncSchedule = DEFAULT_SCHEDULE;
    const engine = new SyncEngine({
      db,
      transport: createSessionTransport({ serverId, userId: user.id }),
      newId: () => crypto.randomUUID(),
      onProgress: (progress) => set({ progress }),
    });
    const attachments = createSessionAttachmentTransport({ serverId, userId: user.id });
    const scheduler = new SyncScheduler({
      run: async () => {
        const outcome = await engine.sync();
        set({ progress: null, lastReport: outcome.report });
        // Once the rows are on the server, their photos' bytes follow (issue 15); then confirmed
        // originals past the device's retention setting may go.
        if (outcome.ok)
          await uploadPendingAttachments(db, attachments)
            .then(() => applyOriginalsRetention(db))
            .catch(() => undefined);
        return outcome;
      },
      schedule: () => schedule,
      lastSuccessAt: async () => {
        const v = await readSyncState(db, 'lastSuccessAt');
        return v === undefined ? null : Date.parse(v);
      },
      isOnline: () => navigator.onLine,
      now: () => Date.now(),
      random: Math.random,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (h) => window.clearTimeout(h as number),
      onState: (state) => set({ state }),
    });
    set({ syncNow: () => scheduler.syncNow() });

    // Local changes: the outbox count moves whenever a repository writes.
    let lastCount: number | null = null;
    const stopOutboxWatch = watchQuery(
      () => countOutbox(db),
      (n) => {
        if (lastCount !== null && n > lastCount) scheduler.notifyLocalChange();
        lastCount = n;
      },
    );
    // The per-account sync schedule (supervisors may choose weekly).
    const stopScheduleWatch = watchQuery(
      () => readSyncState(db, 'schedule'),
      (value) => {
        schedule = parseSchedule(value);
      },
    );
    const online = () => scheduler.notifyOnline();
    const offline = () => scheduler.notifyOffline();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    void readSyncState(db, 'schedule').then((value) => {
      schedule = parseSchedule(value);
      return scheduler.start();
    });
    return () => {
      scheduler.stop();
      stopOutboxWatch();
      stopScheduleWatch();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      set({ syncNow: null, progress: null });
    };
  }, [db, user.id, serverId, set]);

  return null;
}
