import type { Transaction } from 'dexie';
import { type YoufuDb, bound } from './database';
import { type SyncStateName, type SyncStatePatch, type SyncStateValue, SYNC_STATE, syncStateEntry, syncStateValue } from './syncStateKeys';

/**
 * The device's small key/value state (`syncState`), read and written by name through the
 * registry in syncStateKeys.ts. A device setting, never synced: no outbox entry.
 */
export async function readSyncState<N extends SyncStateName>(db: YoufuDb, name: N): Promise<SyncStateValue<N> | undefined> {
  return syncStateValue(name, await db.syncState.get(SYNC_STATE[name].key));
}

export async function writeSyncState<N extends SyncStateName>(db: YoufuDb, name: N, value: SyncStateValue<N>): Promise<void> {
  await db.syncState.put(syncStateEntry(name, value));
}

/** Several values in one write (one IndexedDB request: all or none). */
export async function writeSyncStates(db: YoufuDb, patch: SyncStatePatch): Promise<void> {
  const entries = (Object.keys(patch) as SyncStateName[]).map((name) => syncStateEntry(name, patch[name] as SyncStateValue<typeof name>));
  await db.syncState.bulkPut(entries);
}

/** syncState inside one transaction (see `outboxTransaction`): the same reads and writes, bound to it. */
export interface SyncStateInTx {
  get<N extends SyncStateName>(name: N): Promise<SyncStateValue<N> | undefined>;
  put<N extends SyncStateName>(name: N, value: SyncStateValue<N>): Promise<void>;
}

export function syncStateIn(tx: Transaction): SyncStateInTx {
  const table = bound.syncState(tx);
  return {
    get: async (name) => syncStateValue(name, await table.get(SYNC_STATE[name].key)),
    put: async (name, value) => {
      await table.put(syncStateEntry(name, value));
    },
  };
}
