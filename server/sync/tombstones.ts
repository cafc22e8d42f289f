import type { Db } from '../db/db';
import { toNumber } from '../db/db';

/**
 * Forgets tombstones (deleted rows) whose deletion is older than `before`, and the change-log
 * entries of those rows. The tombstone horizon moves to the last change before `before`: a
 * device whose cursor is below it may have missed a deletion that is no longer on record,
 * so its next pull answers must_refetch. Live rows keep their change entries, so a first
 * sync (cursor 0) still finds every one of them.
 */
export async function purgeTombstones(db: Db, before: Date): Promise<{ horizon: number; purgedRows: number }> {
  return db.transaction(async (tx) => {
    // Taking the counter row keeps writers out while the horizon moves.
    await tx.query("SELECT value FROM counters WHERE name = 'change_seq' FOR UPDATE");
    const [h] = await tx.query<{ horizon: unknown }>('SELECT coalesce(max(updated_seq), 0) AS horizon FROM rows WHERE updated_at < $1', [
      before,
    ]);
    const [current] = await tx.query<{ value: string }>("SELECT value FROM server_settings WHERE key = 'tombstone_horizon_seq'");
    const horizon = Math.max(toNumber(h?.horizon ?? 0), Number(current?.value ?? 0));
    const purged = await tx.query<{ table_name: string; row_id: string }>(
      'DELETE FROM rows WHERE deleted AND updated_seq <= $1 RETURNING table_name, row_id',
      [horizon],
    );
    await tx.query(
      'DELETE FROM changes c WHERE c.seq <= $1 AND NOT EXISTS (SELECT 1 FROM rows r WHERE r.table_name = c.table_name AND r.row_id = c.row_id)',
      [horizon],
    );
    await tx.query("UPDATE server_settings SET value = $1 WHERE key = 'tombstone_horizon_seq'", [String(horizon)]);
    return { horizon, purgedRows: purged.length };
  });
}
