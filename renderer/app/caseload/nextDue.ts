import { Dexie } from 'dexie';
import type { YoufuDb } from '../../db/database';

/**
 * The earliest pending due date of every recipient in a scope, for the caseload's sort by next
 * due. One pass over the `[status+dueDate]` index in due-date order: the first occurrence seen
 * for a recipient is their earliest. (An additive read helper; it belongs with
 * renderer/db/queries.ts once that owner adopts it.)
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

/** The earliest pending due date of the recipients given (the rows on screen), through `[recipientId+status]`. */
export async function nextDueOf(db: YoufuDb, recipientIds: readonly string[]): Promise<Map<string, string>> {
  const next = new Map<string, string>();
  if (recipientIds.length === 0) return next;
  const rows = await db.dutyOccurrences.where('[recipientId+status]').anyOf(recipientIds.map((id) => [id, 'pending'])).toArray();
  for (const o of rows) {
    const seen = next.get(o.recipientId);
    if (seen === undefined || o.dueDate < seen) next.set(o.recipientId, o.dueDate);
  }
  return next;
}

/** Each recipient's place in name order, from the `name` index keys alone (no row read). */
export async function nameRanks(db: YoufuDb): Promise<Map<string, number>> {
  const ids = await db.recipients.orderBy('name').primaryKeys();
  return new Map(ids.map((id, i) => [id, i]));
}

/**
 * Ids by next due date, the earliest (most overdue) first; the same date by name; recipients
 * with nothing pending last, in the order given. Name order is the index's (by character code):
 * pinyin collation of every name would cost seconds for a city on the screen's thread.
 */
export function orderByNextDue(ids: readonly string[], nextDue: ReadonlyMap<string, string>, names: ReadonlyMap<string, number>): string[] {
  const due: string[] = [];
  const rest: string[] = [];
  for (const id of ids) (nextDue.has(id) ? due : rest).push(id);
  due.sort((a, b) => {
    const da = nextDue.get(a)!;
    const db = nextDue.get(b)!;
    if (da !== db) return da < db ? -1 : 1;
    return (names.get(a) ?? 0) - (names.get(b) ?? 0);
  });
  return [...due, ...rest];
}
