import type { Transaction } from 'dexie';
import { type ConflictsInTx, conflictsIn } from './conflictRepository';
import { type YoufuDb, bound } from './database';
import type { OutboxEntry } from './records';
import { openOutboxEntries } from './repository';
import { type SyncStateInTx, syncStateIn } from './syncStateRepository';

/**
 * The outbox: local edits waiting to be pushed, one mutation per entry in `seq` order. The
 * repositories append to it (repository.ts, in the write's own transaction); the sync engine
 * reads it, re-stamps it and removes what the server has taken, through this module.
 */

export async function countOutbox(db: YoufuDb): Promise<number> {
  return db.outbox.count();
}

/** The oldest pending entry as stored (sealed values still sealed), or undefined when none is pending. */
export async function oldestOutboxEntry(db: YoufuDb): Promise<OutboxEntry | undefined> {
  return db.outbox.orderBy('seq').first();
}

/** The first `limit` entries in seq order as they go to the server: sealed values opened. */
export async function nextOutboxEntries(db: YoufuDb, limit: number): Promise<OutboxEntry[]> {
  return openOutboxEntries(db, await db.outbox.orderBy('seq').limit(limit).toArray());
}

/** The outbox inside one transaction (see `outboxTransaction`). */
export interface OutboxInTx {
  /** Every entry in seq order, as stored. */
  all(): Promise<OutboxEntry[]>;
  /** Gives the entry a new HLC (clock repair); nothing when it is gone. */
  setHlc(seq: number, hlc: string): Promise<void>;
  delete(seq: number): Promise<void>;
  /** Removes every entry whose seq is at most `lastSeq`; returns how many. */
  deleteThrough(lastSeq: number): Promise<number>;
}

export function outboxIn(tx: Transaction): OutboxInTx {
  const outbox = bound.outbox(tx);
  return {
    all: () => outbox.orderBy('seq').toArray(),
    setHlc: async (seq, hlc) => {
      await outbox.update(seq, { hlc });
    },
    delete: (seq) => outbox.delete(seq),
    deleteThrough: async (lastSeq) => {
      const covered = await outbox.where('seq').belowOrEqual(lastSeq).primaryKeys();
      await outbox.bulkDelete(covered);
      return covered.length;
    },
  };
}

interface SyncTables {
  outbox: OutboxInTx;
  conflicts: ConflictsInTx;
  syncState: SyncStateInTx;
}
type WithOutbox = Exclude<keyof SyncTables, 'outbox'>;

/**
 * One rw transaction over the outbox and the other sync tables named: what `work` writes
 * through the handles commits together or not at all. Every handle is bound to the transaction
 * (see `bound` in database.ts). Only IndexedDB work inside: seal or open before.
 */
export async function outboxTransaction<E extends WithOutbox, R>(
  db: YoufuDb,
  also: readonly E[],
  work: (tables: Pick<SyncTables, 'outbox' | E>) => Promise<R>,
): Promise<R> {
  return db.transaction('rw', ['outbox', ...also], (tx) => {
    const tables = { outbox: outboxIn(tx) } as Pick<SyncTables, 'outbox' | E>;
    const open = tables as Partial<SyncTables>;
    if (also.includes('conflicts' as E)) open.conflicts = conflictsIn(tx);
    if (also.includes('syncState' as E)) open.syncState = syncStateIn(tx);
    return work(tables);
  });
}
