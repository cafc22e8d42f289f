import type { EntityRow, EntityTable } from '../../../shared/domain/schemas';
import type { EntitySummary, StoredRow } from '../codec';
import type { YoufuDb } from '../database';

export type RecipientSummary = EntitySummary<'recipients'>;
export type RequestSummary = EntitySummary<'requests'>;

/**
 * renderer/db/queries/: the read functions of the screens, one file per screen's needs, meant
 * for `useLiveQuery` (renderer/db/live.ts); this file holds what several of them share. Reads only; every write goes
 * through the repositories. Each query starts from the most selective index it has and
 * filters the rest in memory, stopping at `limit`.
 *
 * Lists find and order their lines without decrypting (ids, index keys, clear fields: see
 * sensitive.ts) and open only the rows of the lines on screen (`dueItemDetails`, the caseload's
 * rows, a staff member's heroes). All Dexie reads of a query come before any decryption, so
 * `useLiveQuery` still sees every table it depends on.
 */
/** Opens the rows found (missing ones skipped), in parallel: for the lines on screen only. */
export async function openRows<T extends EntityTable>(
  db: YoufuDb,
  table: T,
  stored: readonly (StoredRow<T> | undefined)[],
): Promise<EntityRow<T>[]> {
  return Promise.all(stored.flatMap((r) => (r === undefined ? [] : [db.codec.decode(table, r)])));
}

/**
 * The pending occurrences of the duties or recipients given (`[dutyId+status]` or
 * `[recipientId+status]`), in no particular order: one request per key, all in one read
 * transaction. An anyOf over the same keys walks a cursor, about four times slower (400 keys:
 * 820 against 200 ms in a city's database).
 */
export async function pendingOccurrencesOf(
  db: YoufuDb,
  index: '[dutyId+status]' | '[recipientId+status]',
  keys: readonly string[],
): Promise<StoredRow<'dutyOccurrences'>[]> {
  if (keys.length === 0) return [];
  const table = db.dutyOccurrences;
  const perKey = await db.transaction('r', table, () => Promise.all(keys.map((k) => table.where(index).equals([k, 'pending']).toArray())));
  return perKey.flat();
}
