import { type EntityTable, ENTITY_TABLES } from '../../../shared/domain/schemas';
import type { StoredRow } from '../codec';
import type { YoufuDb } from '../database';
import type { ConflictEntry, OutboxEntry } from '../records';
import { SYNC_STATE } from '../syncStateKeys';
import { readSyncState, writeSyncState, writeSyncStates } from '../syncStateRepository';
import type { StoredConflictEntry } from './conflictSeal';
import { type DatabaseKeys, keyCheckValue } from './keys';
import { isSealedTable, sensitiveFieldsOf } from './sensitive';

/**
 * 1: ID numbers, phones, addresses, health notes, visit notes, request texts (plaintext before).
 * 2: also names, birth dates, gender, categories, living situation, tags, visit ratings, aid
 *    details, duty notes, staff phones, sign-off comments (sensitive.ts); names searched by tokens.
 */
export const SEALED_VERSION = 2;

export type KeyCheckResult = 'ok' | 'first_use' | 'mismatch';

/**
 * Compares the keys with the fingerprint stored in the database; stores it on first use.
 * A mismatch means these are not the keys the data was sealed with: the caller must stop and
 * say so, never write (and never wipe).
 */
export async function checkDatabaseKeys(db: YoufuDb, keys: DatabaseKeys): Promise<KeyCheckResult> {
  const check = await keyCheckValue(keys);
  // Any stored value counts (one of another type is a mismatch, never overwritten).
  const stored = await db.syncState.get(SYNC_STATE.keyCheck.key);
  if (stored === undefined) {
    await writeSyncState(db, 'keyCheck', check);
    return 'first_use';
  }
  return stored.value === check ? 'ok' : 'mismatch';
}

export interface SealProgress {
  table: string;
  sealed: number;
}

export interface SealLegacyOptions {
  batchSize?: number;
  onProgress?: (p: SealProgress) => void;
}

/**
 * Seals, in place, every row, pending outbox entry and lost conflict value that an earlier
 * version left in clear (the plaintext version; version 1 of the sealing, which left names,
 * birth dates … clear), and rebuilds recipients' derived columns (search tokens) under the
 * real blind-index key.
 *
 * Batched and resumable: each batch is read in one transaction, sealed outside it (WebCrypto),
 * and written in a second transaction that first re-reads the rows and skips any that changed
 * in between, so nothing is lost if the app closes half-way; the next unlock picks up the rows
 * still in clear. When none is left the database is marked, and later unlocks skip the scan.
 */
export async function sealLegacyRows(db: YoufuDb, options: SealLegacyOptions = {}): Promise<number> {
  const done = await readSyncState(db, 'sealedVersion');
  if (done !== undefined && done >= SEALED_VERSION) return 0;
  const batchSize = options.batchSize ?? 500;
  let total = 0;
  for (const table of ENTITY_TABLES) {
    if (!isSealedTable(table)) continue;
    total += await sealTable(db, table, batchSize, options.onProgress);
  }
  total += await sealOutbox(db, batchSize);
  total += await sealConflicts(db);
  await writeSyncState(db, 'sealedVersion', SEALED_VERSION);
  return total;
}

async function sealTable<T extends EntityTable>(
  db: YoufuDb,
  table: T,
  batchSize: number,
  onProgress: SealLegacyOptions['onProgress'],
): Promise<number> {
  let sealed = 0;
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const batch: StoredRow<T>[] = await db.transaction('r', table, (tx) => {
      const t = tx.table<StoredRow<T>, string>(table);
      const range = from === null ? t.orderBy(':id') : t.where(':id').above(from);
      return range.limit(batchSize).toArray();
    });
    if (batch.length === 0) return sealed;
    after = (batch[batch.length - 1] as { id: string }).id;
    const legacy = batch.filter((r) => db.codec.isLegacy(table, r));
    if (legacy.length === 0) continue;
    // Outside any transaction: open (a no-op for clear rows) and seal, all in parallel.
    const plain = await Promise.all(legacy.map((r) => db.codec.decode(table, r)));
    const encoded = await db.codec.encodeMany(table, plain);
    const written = await db.transaction('rw', table, async (tx) => {
      const t = tx.table<StoredRow<T>, string>(table);
      const current = await t.bulkGet(legacy.map((r) => (r as { id: string }).id));
      // Only rows still exactly as read: a row written meanwhile went through the codec already.
      const puts = encoded.filter((_, i) => {
        const now = current[i];
        return (
          now !== undefined &&
          db.codec.isLegacy(table, now) &&
          (now as { updatedAt: string }).updatedAt === (legacy[i] as { updatedAt: string }).updatedAt
        );
      });
      if (puts.length > 0) await t.bulkPut(puts);
      return puts.length;
    });
    sealed += written;
    onProgress?.({ table, sealed });
  }
}

/** A pending mutation with a sensitive value in clear (written before its field was sealed). */
function isLegacyOutboxEntry(e: OutboxEntry): boolean {
  return sensitiveFieldsOf(e.table).some((f) => Object.hasOwn(e.fields, f));
}

async function sealOutbox(db: YoufuDb, batchSize: number): Promise<number> {
  let sealed = 0;
  let after = 0;
  for (;;) {
    const batch = await db.outbox.where('seq').above(after).limit(batchSize).toArray();
    if (batch.length === 0) return sealed;
    after = batch[batch.length - 1]!.seq;
    const legacy = batch.filter(isLegacyOutboxEntry);
    if (legacy.length === 0) continue;
    // Opened first: an entry sealed by version 1 holds some values sealed and others in clear.
    const encoded = await Promise.all(legacy.map(async (e) => db.codec.sealOutbox(await db.codec.openOutbox(e))));
    sealed += await putWhereStillLegacy(
      db,
      'outbox',
      legacy.map((e) => e.seq),
      encoded,
      isLegacyOutboxEntry,
    );
  }
}

function isLegacyConflict(c: ConflictEntry): boolean {
  return (c as StoredConflictEntry).sealedValues === undefined && sensitiveFieldsOf(c.table).includes(c.field);
}

/** The lost values of sensitive fields in the conflicts list (at most a few hundred rows). */
async function sealConflicts(db: YoufuDb): Promise<number> {
  const legacy = (await db.conflicts.toArray()).filter(isLegacyConflict);
  if (legacy.length === 0) return 0;
  const encoded = await Promise.all(legacy.map((c) => db.codec.sealConflict(c)));
  return putWhereStillLegacy(
    db,
    'conflicts',
    legacy.map((c) => c.id),
    encoded,
    isLegacyConflict,
  );
}

/**
 * Writes entries sealed outside the transaction (WebCrypto cannot run inside one), skipping any
 * that changed meanwhile: gone (pushed, resolved) or already sealed. Returns how many it wrote.
 */
async function putWhereStillLegacy<T>(
  db: YoufuDb,
  tableName: 'outbox' | 'conflicts',
  keys: readonly number[],
  encoded: readonly T[],
  isLegacy: (current: T) => boolean,
): Promise<number> {
  return db.transaction('rw', tableName, async (tx) => {
    const table = tx.table<T, number>(tableName);
    const current = await table.bulkGet([...keys]);
    const puts = encoded.filter((_, i) => current[i] !== undefined && isLegacy(current[i]!));
    if (puts.length > 0) await table.bulkPut(puts);
    return puts.length;
  });
}

/**
 * For a database this version has just created and filled (demo load, restore): every row went
 * through the codec, so there is nothing to migrate; records the keys' fingerprint and the mark.
 */
export async function markSealed(db: YoufuDb, keys: DatabaseKeys): Promise<void> {
  const check = await keyCheckValue(keys);
  await writeSyncStates(db, { keyCheck: check, sealedVersion: SEALED_VERSION });
}
