import { ENTITY_TABLES } from '../../../shared/domain/schemas';
import type { YoufuDb } from '../database';

/** The Sync page's reads of entity rows (its outbox, conflict and sync-state reads have repositories of their own). */

/**
 * The recipient of each refused edit of a visit, aid or request whose row is still on this
 * device, by mutation id: the Sync page links the line to the recipient.
 */
export async function recipientsOfRefused(
  db: YoufuDb,
  refused: readonly { mutationId: string; table: string; rowId: string }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of refused) {
    if (r.table === 'recipients' || !(ENTITY_TABLES as readonly string[]).includes(r.table)) continue;
    const row: unknown = await db.table(r.table).get(r.rowId);
    const rid = typeof row === 'object' && row !== null ? (row as { recipientId?: unknown }).recipientId : undefined;
    if (typeof rid === 'string') out.set(r.mutationId, rid);
  }
  return out;
}
