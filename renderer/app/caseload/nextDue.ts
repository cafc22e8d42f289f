import { Dexie } from 'dexie';
import type { YoufuDb } from '../../db/database';

/**
 * The earliest pending due date of every recipient in a scope, for the caseload's "next due"
 * column and sort. One pass over the `[status+dueDate]` index in due-date order: the first
 * occurrence seen for a recipient is their earliest. (An additive read helper; it belongs
 * with renderer/db/queries.ts once that owner adopts it.)
 */
export async function nextDueByRecipient(db: YoufuDb, stationPrefix: string): Promise<Map<string, string>> {
  const next = new Map<string, string>();
  const rows = await db.dutyOccurrences
    .where('[status+dueDate]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey], true, true)
    .toArray();
  for (const o of rows) {
    if (!o.stationCode.startsWith(stationPrefix) || next.has(o.recipientId)) continue;
    next.set(o.recipientId, o.dueDate);
  }
  return next;
}
