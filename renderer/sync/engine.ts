import { ENTITY_TABLES } from '../../shared/domain/schemas';
import {
  MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, SCHEMA_VERSION, type MutationResult, type PullResponse, type PushRequest,
} from '../../shared/sync/protocol';
import { type ConflictEntry, type OutboxEntry, type YoufuDb, bound } from '../db/database';
import { applyRemoteChanges, ensureClientId, openOutboxEntries } from '../db/repository';
import { restampFutureHlcs } from './clockRepair';
import type { SyncError, SyncTransport, TransportResult } from './transport';

/**
 * The client sync engine: push before pull, outbox entries removed only once the server's
 * `lastSeq` covers them, pulled changes applied under pending local edits (see
 * renderer/db/remoteChanges.ts), paged and resumable bootstrap with progress.
 */
export const ENGINE_KEYS = {
  cursor: 'sync.cursor',
  lastSuccessAt: 'sync.lastSuccessAt',
  lastError: 'sync.lastError',
  rejected: 'sync.rejected',
} as const;

export const PULL_PAGE = 2000;
const MAX_REJECTIONS_KEPT = 200;

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number;
}

export interface RejectedMutation {
  mutationId: string;
  table: string;
  rowId: string;
  reason: string;
  at: string;
}

export interface SyncReport {
  pushed: number;
  rejected: number;
  conflicts: number;
  pulled: number;
  refetched: boolean;
}

export type SyncOutcome = { ok: true; report: SyncReport } | { ok: false; error: SyncError; report: SyncReport };

export interface SyncEngineOptions {
  db: YoufuDb;
  transport: SyncTransport;
  newId: () => string;
  now?: () => Date;
  pullPageSize?: number;
  onProgress?: (p: SyncProgress) => void;
}

export class SyncEngine {
  private running: Promise<SyncOutcome> | null = null;

  constructor(private readonly opts: SyncEngineOptions) {}

  /** One full round; concurrent callers share the round already under way. */
  sync(): Promise<SyncOutcome> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  private async round(): Promise<SyncOutcome> {
    const report: SyncReport = { pushed: 0, rejected: 0, conflicts: 0, pulled: 0, refetched: false };
    const pushed = await this.pushAll(report);
    if (!pushed.ok) return this.fail(pushed.error, report);
    let pulled = await this.pullAll(report);
    if (!pulled.ok && pulled.error.code === 'must_refetch') {
      await this.resetForRefetch();
      report.refetched = true;
      pulled = await this.pullAll(report);
    }
    if (!pulled.ok) return this.fail(pulled.error, report);
    await this.opts.db.syncState.bulkPut([
      { key: ENGINE_KEYS.lastSuccessAt, value: this.now().toISOString() },
      { key: ENGINE_KEYS.lastError, value: null },
    ]);
    return { ok: true, report };
  }

  private async fail(error: SyncError, report: SyncReport): Promise<SyncOutcome> {
    await this.opts.db.syncState.put({ key: ENGINE_KEYS.lastError, value: JSON.stringify({ ...error, at: this.now().toISOString() }) });
    return { ok: false, error, report };
  }

  private async pushAll(report: SyncReport): Promise<{ ok: true } | { ok: false; error: SyncError }> {
    const { db, transport } = this.opts;
    const clientId = await ensureClientId(db, this.opts.newId);
    await restampFutureHlcs(db, this.now().getTime());
    const total = await db.outbox.count();
    let done = 0;
    for (;;) {
      // Sealed values (an address, a visit's notes) are opened only here, on their way out.
      const batch = await openOutboxEntries(db, await db.outbox.orderBy('seq').limit(MAX_PUSH_MUTATIONS).toArray());
      if (batch.length === 0) return { ok: true };
      this.opts.onProgress?.({ phase: 'push', done, total });
      const req: PushRequest = {
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        clientId,
        mutations: batch.map(toMutation),
      };
      const res = await transport.push(req);
      if (!res.ok) return res;
      await this.settlePush(batch, res.value.lastSeq, res.value.results, report);
      done += batch.length;
      // The server covered nothing of this batch: stop rather than loop on it forever.
      if (res.value.lastSeq < batch[0]!.seq) return { ok: false, error: { code: 'internal', message: 'The server did not take the pushed changes', retryable: true } };
    }
  }

  /** Removes what the server's lastSeq covers and keeps its verdicts, in one transaction. */
  private async settlePush(batch: OutboxEntry[], lastSeq: number, results: MutationResult[], report: SyncReport): Promise<void> {
    const { db } = this.opts;
    const byId = new Map(batch.map((e) => [e.id, e]));
    const at = this.now().toISOString();
    // Lost values of a sensitive field (an address, a phone) are sealed before the transaction.
    const lost = await Promise.all(results.flatMap((r) => {
      const entry = byId.get(r.id);
      return entry === undefined ? [] : (r.conflicts ?? []).map((c) => db.codec.sealConflict({
        table: entry.table, rowId: entry.rowId, field: c.field, loserValue: c.loserValue, winnerValue: c.winnerValue,
        winner: c.winner, mutationId: r.id, at,
      }));
    }));
    await db.transaction('rw', [db.outbox, db.conflicts, db.syncState], async (tx) => {
      // Tables bound to tx: Dexie's ambient-transaction tracking can lose a long transaction.
      const outbox = bound.outbox(tx);
      const syncState = bound.syncState(tx);
      const conflicts = tx.table<Omit<ConflictEntry, 'id'>, number>('conflicts');
      const rejections: RejectedMutation[] = [];
      for (const r of results) {
        const entry = byId.get(r.id);
        if (!entry) continue;
        if (r.status === 'rejected') {
          rejections.push({ mutationId: r.id, table: entry.table, rowId: entry.rowId, reason: r.reason ?? 'rejected', at });
        }
      }
      for (const c of lost) {
        await conflicts.add(c);
        report.conflicts++;
      }
      if (rejections.length > 0) {
        const stored = await syncState.get(ENGINE_KEYS.rejected);
        const previous = typeof stored?.value === 'string' ? (JSON.parse(stored.value) as RejectedMutation[]) : [];
        const kept = [...rejections, ...previous].slice(0, MAX_REJECTIONS_KEPT);
        await syncState.put({ key: ENGINE_KEYS.rejected, value: JSON.stringify(kept) });
        report.rejected += rejections.length;
      }
      const covered = await outbox.where('seq').belowOrEqual(lastSeq).primaryKeys();
      await outbox.bulkDelete(covered);
      report.pushed += covered.length;
    });
  }

  /**
   * Pulls page after page. The next page is requested as soon as a page's answer names its
   * cursor, and travels while this page is written to IndexedDB: the network and the server's
   * query overlap the local writes. The saved cursor still only moves once a page is applied.
   */
  private async pullAll(report: SyncReport): Promise<{ ok: true } | { ok: false; error: SyncError }> {
    const { db } = this.opts;
    let cursor = await this.cursor();
    let done = 0;
    let total = 0;
    let next = this.requestPage(cursor);
    for (;;) {
      const res = await next();
      if (!res.ok) return res;
      const page = res.value;
      if (page.hasMore) next = this.requestPage(page.cursor);
      if (total === 0) total = page.changes.length + page.remaining;
      await applyRemoteChanges(db, page.changes);
      // The cursor is saved after the page: a crash in between re-applies an idempotent page.
      cursor = page.cursor;
      await db.syncState.put({ key: ENGINE_KEYS.cursor, value: cursor });
      done += page.changes.length;
      report.pulled += page.changes.length;
      // `remaining` after the first page of a round is the server's estimate: the last page completes the bar.
      this.opts.onProgress?.({ phase: 'pull', done, total: page.hasMore ? Math.max(total, done) : done });
      if (!page.hasMore) return { ok: true };
    }
  }

  /**
   * One pull request, sent now and awaited later. A transport that throws has its error
   * rethrown where the page is awaited, as if it had been awaited at once, instead of an
   * unhandled rejection while the page before it is being written.
   */
  private requestPage(cursor: number): () => Promise<TransportResult<PullResponse>> {
    const sent = this.opts.transport.pull(cursor, this.opts.pullPageSize ?? PULL_PAGE).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    return async () => {
      const r = await sent;
      if ('error' in r) throw r.error;
      return r.value;
    };
  }

  private async cursor(): Promise<number> {
    const stored = await this.opts.db.syncState.get(ENGINE_KEYS.cursor);
    return typeof stored?.value === 'number' ? stored.value : 0;
  }

  /**
   * The server cannot serve our cursor any more (tombstone horizon passed, or our scope
   * changed): drop every synced row that has no pending local edit and pull from zero.
   */
  private async resetForRefetch(): Promise<void> {
    const { db } = this.opts;
    const tables = ENTITY_TABLES.map((t) => db.table(t));
    await db.transaction('rw', [...tables, db.outbox, db.syncState], async (tx) => {
      const pending = new Set((await bound.outbox(tx).toArray()).map((e) => `${e.table}\u0000${e.rowId}`));
      for (const t of ENTITY_TABLES) {
        const table = bound.entity(tx, t);
        const keys = await table.toCollection().primaryKeys();
        await table.bulkDelete(keys.filter((k) => !pending.has(`${t}\u0000${k}`)));
      }
      await bound.syncState(tx).put({ key: ENGINE_KEYS.cursor, value: 0 });
    });
  }
}

function toMutation(e: OutboxEntry): PushRequest['mutations'][number] {
  return { id: e.id, seq: e.seq, table: e.table, rowId: e.rowId, op: e.op, fields: e.fields, baseRev: e.baseRev, hlc: e.hlc };
}

export async function readSyncStatus(db: YoufuDb): Promise<{
  lastSuccessAt: string | null;
  lastError: (SyncError & { at: string }) | null;
  rejected: RejectedMutation[];
  pending: number;
}> {
  const [ok, err, rej, pending] = await Promise.all([
    db.syncState.get(ENGINE_KEYS.lastSuccessAt),
    db.syncState.get(ENGINE_KEYS.lastError),
    db.syncState.get(ENGINE_KEYS.rejected),
    db.outbox.count(),
  ]);
  return {
    lastSuccessAt: typeof ok?.value === 'string' ? ok.value : null,
    lastError: typeof err?.value === 'string' ? (JSON.parse(err.value) as SyncError & { at: string }) : null,
    rejected: typeof rej?.value === 'string' ? (JSON.parse(rej.value) as RejectedMutation[]) : [],
    pending,
  };
}
