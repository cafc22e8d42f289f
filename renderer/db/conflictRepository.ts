import type { Transaction } from 'dexie';
import type { YoufuDb } from './database';
import type { ConflictEntry } from './records';

/**
 * Field conflicts the server reported on push (the losing value kept for review). The values
 * of a sensitive field are sealed before they are stored and opened when they are shown.
 */

/** Seals what is sensitive in each conflict; runs before the transaction that adds them (WebCrypto). */
export async function sealConflicts<E extends Omit<ConflictEntry, 'id'>>(db: YoufuDb, entries: readonly E[]): Promise<E[]> {
  return Promise.all(entries.map((e) => db.codec.sealConflict(e)));
}

/** The newest conflicts first, their values opened (the Sync page's records). */
export async function recentConflicts(db: YoufuDb, limit: number): Promise<ConflictEntry[]> {
  const rows = await db.conflicts.orderBy('at').reverse().limit(limit).toArray();
  return Promise.all(rows.map((c) => db.codec.openConflict(c)));
}

/** The conflicts table inside one transaction (see `outboxTransaction`). */
export interface ConflictsInTx {
  /** Adds an already sealed conflict (`sealConflicts`). */
  add(entry: Omit<ConflictEntry, 'id'>): Promise<void>;
}

export function conflictsIn(tx: Transaction): ConflictsInTx {
  const table = tx.table<Omit<ConflictEntry, 'id'>, number>('conflicts');
  return {
    add: async (entry) => {
      await table.add(entry);
    },
  };
}
