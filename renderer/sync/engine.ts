import {
  MAX_PUSH_BODY_BYTES,
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type MutationResult,
  type PullResponse,
  type PushRequest,
} from '../../shared/sync/protocol';
import { sealConflicts } from '../db/conflictRepository';
import type { YoufuDb } from '../db/handle';
import { countOutbox, nextOutboxEntries, outboxTransaction } from '../db/outboxRepository';
import type { OutboxEntry } from '../db/records';
import { dropSyncedRowsForRefetch } from '../db/remoteChanges';
import { applyRemoteChanges, ensureClientId } from '../db/repository';
import { type SyncStateInTx, readSyncState, writeSyncState, writeSyncStates } from '../db/syncStateRepository';
import { restampFutureHlcs } from './clockRepair';
import { batchBytes, envelopeBytes, fitBatch, mutationBytes } from './pushBatches';
import { type SyncError, type SyncTransport, type TransportResult, syncError } from './transport';

/**
 * The client sync engine: push before pull, outbox entries removed only once the server's
 * `lastSeq` covers them, pulled changes applied under pending local edits (see
 * renderer/db/remoteChanges.ts), paged and resumable bootstrap with progress.
 */
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
  /** A RejectReason of the server, or `payload_too_large` for one edit too large to send at all. */
  reason: string;
  at: string;
  /** The fields the refused edit changed (names only: values may be sensitive; id and bookkeeping left out). */
  fields?: string[];
  /** The refused mutation created the row (nothing of it is on the server). */
  created?: boolean;
  /** For validation_failed: the failing fields and their message codes. */
  detail?: string;
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
  /** The push body size this engine aims at; lowered by a 413 below the shared limit (a proxy) and kept for the session. */
  private pushCapBytes = MAX_PUSH_BODY_BYTES;

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
    await writeSyncStates(this.opts.db, { lastSuccessAt: this.now().toISOString(), lastError: null });
    return { ok: true, report };
  }

  private async fail(error: SyncError, report: SyncReport): Promise<SyncOutcome> {
    await writeSyncState(this.opts.db, 'lastError', JSON.stringify({ ...error, at: this.now().toISOString() }));
    return { ok: false, error, report };
  }

  /**
   * Pushes the outbox in seq order, in batches of at most MAX_PUSH_MUTATIONS and
   * MAX_PUSH_BODY_BYTES. A 413 all the same (a proxy in front of the server with a lower limit)
   * halves the batch's bytes from then on, down to one mutation; one mutation that
   * cannot be sent even alone is refused per record and the rest goes on.
   */
  private async pushAll(report: SyncReport): Promise<{ ok: true } | { ok: false; error: SyncError }> {
    const { db, transport } = this.opts;
    const clientId = await ensureClientId(db, this.opts.newId);
    await restampFutureHlcs(db, this.now().getTime());
    const total = await countOutbox(db);
    const envelope = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId };
    const empty = envelopeBytes(envelope);
    let done = 0;
    for (;;) {
      // Sealed values (an address, a visit's notes) are opened only here, on their way out.
      const entries = await nextOutboxEntries(db, MAX_PUSH_MUTATIONS);
      if (entries.length === 0) return { ok: true };
      const mutations = entries.map(toMutation);
      const sizes = mutations.map(mutationBytes);
      let from = 0;
      while (from < entries.length) {
        this.opts.onProgress?.({ phase: 'push', done, total });
        const count = Math.max(1, fitBatch(empty, sizes, from, this.pushCapBytes, MAX_PUSH_MUTATIONS));
        const bytes = batchBytes(empty, sizes, from, count);
        const batch = entries.slice(from, from + count);
        // Larger than any server takes: not worth sending.
        const res =
          count === 1 && bytes > MAX_PUSH_BODY_BYTES
            ? { ok: false as const, error: syncError('payload_too_large', `one change of ${bytes} bytes`) }
            : await transport.push({ ...envelope, mutations: mutations.slice(from, from + count) } satisfies PushRequest);
        if (!res.ok && res.error.code === 'payload_too_large') {
          if (count > 1) {
            this.pushCapBytes = Math.floor(bytes / 2);
            continue;
          }
          await this.refuseUnsendable(batch[0]!, report);
          from += 1;
          done += 1;
          continue;
        }
        if (!res.ok) return res;
        await this.settlePush(batch, res.value.lastSeq, res.value.results, report);
        // The server covered nothing of this batch: stop rather than loop on it forever.
        if (res.value.lastSeq < batch[0]!.seq)
          return { ok: false, error: { code: 'internal', message: 'The server did not take the pushed changes', retryable: true } };
        from += count;
        done += count;
      }
    }
  }

  /**
   * An outbox entry too large to be sent even alone: it leaves the outbox (a later batch moves
   * the server's lastSeq past its seq anyway) and is listed per record like a server rejection.
   */
  private async refuseUnsendable(entry: OutboxEntry, report: SyncReport): Promise<void> {
    const { db } = this.opts;
    const rejection: RejectedMutation = {
      mutationId: entry.id,
      table: entry.table,
      rowId: entry.rowId,
      reason: 'payload_too_large',
      at: this.now().toISOString(),
      ...refusedEdit(entry),
    };
    await outboxTransaction(db, ['syncState'], async ({ outbox, syncState }) => {
      await keepRejections(syncState, [rejection]);
      await outbox.delete(entry.seq);
    });
    report.rejected += 1;
  }

  /** Removes what the server's lastSeq covers and keeps its verdicts, in one transaction. */
  private async settlePush(batch: OutboxEntry[], lastSeq: number, results: MutationResult[], report: SyncReport): Promise<void> {
    const { db } = this.opts;
    const byId = new Map(batch.map((e) => [e.id, e]));
    const at = this.now().toISOString();
    // Lost values of a sensitive field (an address, a phone) are sealed before the transaction.
    const lost = await sealConflicts(
      db,
      results.flatMap((r) => {
        const entry = byId.get(r.id);
        return entry === undefined
          ? []
          : (r.conflicts ?? []).map((c) => ({
              table: entry.table,
              rowId: entry.rowId,
              field: c.field,
              loserValue: c.loserValue,
              winnerValue: c.winnerValue,
              winner: c.winner,
              mutationId: r.id,
              at,
            }));
      }),
    );
    await outboxTransaction(db, ['conflicts', 'syncState'], async ({ outbox, conflicts, syncState }) => {
      const rejections: RejectedMutation[] = [];
      for (const r of results) {
        const entry = byId.get(r.id);
        if (!entry) continue;
        // A replayed push (its first answer lost) carries the original verdict: listed the same.
        if (r.status === 'rejected') {
          rejections.push({
            mutationId: r.id,
            table: entry.table,
            rowId: entry.rowId,
            reason: r.reason ?? 'rejected',
            at,
            ...refusedEdit(entry),
            ...(r.detail === undefined ? {} : { detail: r.detail }),
          });
        }
      }
      for (const c of lost) {
        await conflicts.add(c);
        report.conflicts++;
      }
      if (rejections.length > 0) {
        await keepRejections(syncState, rejections);
        report.rejected += rejections.length;
      }
      report.pushed += await outbox.deleteThrough(lastSeq);
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
      await writeSyncState(db, 'cursor', cursor);
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
    return (await readSyncState(this.opts.db, 'cursor')) ?? 0;
  }

  /**
   * The server cannot serve our cursor any more (tombstone horizon passed, or our scope
   * changed): drop every synced row that has no pending local edit and pull from zero.
   */
  private async resetForRefetch(): Promise<void> {
    await dropSyncedRowsForRefetch(this.opts.db);
  }
}

const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['id', 'rev', 'updatedAt']);

/** What a refused edit was, for the Sync page: the fields it changed, and whether it created the row. */
function refusedEdit(entry: OutboxEntry): Pick<RejectedMutation, 'fields' | 'created'> {
  return {
    fields: Object.keys(entry.fields).filter((f) => !BOOKKEEPING_FIELDS.has(f)),
    created: entry.op === 'upsert' && entry.baseRev === 0,
  };
}

/** Newest first, one line per mutation (a verdict seen twice is listed once), at most MAX_REJECTIONS_KEPT. */
async function keepRejections(syncState: SyncStateInTx, rejections: readonly RejectedMutation[]): Promise<void> {
  const stored = await syncState.get('rejected');
  const previous = stored === undefined ? [] : (JSON.parse(stored) as RejectedMutation[]);
  const fresh = new Set(rejections.map((r) => r.mutationId));
  const kept = [...rejections, ...previous.filter((r) => !fresh.has(r.mutationId))].slice(0, MAX_REJECTIONS_KEPT);
  await syncState.put('rejected', JSON.stringify(kept));
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
    readSyncState(db, 'lastSuccessAt'),
    readSyncState(db, 'lastError'),
    readSyncState(db, 'rejected'),
    countOutbox(db),
  ]);
  return {
    lastSuccessAt: ok ?? null,
    lastError: typeof err === 'string' ? (JSON.parse(err) as SyncError & { at: string }) : null,
    rejected: rej === undefined ? [] : (JSON.parse(rej) as RejectedMutation[]),
    pending,
  };
}
