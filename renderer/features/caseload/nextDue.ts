import { Dexie } from 'dexie';
import { addDays } from '../../../shared/duties';
import type { YoufuDb } from '../../db/database';
import { pendingOccurrencesOf } from '../../db/queries';

/** Due dates read per request by nextDueByRecipient: a city's are about 1,500 occurrences, 40 ms. */
const WINDOW_DAYS = 2;

/**
 * The earliest pending due date of every recipient in a scope, for the caseload's sort by next
 * due. A pass over the `[status+dueDate]` index in due-date order (the first occurrence seen for
 * a recipient is their earliest), WINDOW_DAYS at a time: a city's half a million pending
 * occurrences read at once would hold every other IndexedDB request back for seconds (see
 * renderer/db/scopeChunks.ts). (An additive read helper; it belongs with renderer/db/queries.ts
 * once that owner adopts it.)
 */
export async function nextDueByRecipient(db: YoufuDb, stationPrefix: string): Promise<Map<string, string>> {
  const next = new Map<string, string>();
  const pending = db.dutyOccurrences.where('[status+dueDate]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey], true, true);
  const [first, last] = await Promise.all([pending.clone().first(), pending.clone().last()]);
  if (!first || !last) return next;
  const table = db.dutyOccurrences;
  for (let from = first.dueDate; from <= last.dueDate; from = addDays(from, WINDOW_DAYS)) {
    // Each window in a transaction of its own: inside a live query Dexie would otherwise keep
    // every row read in its query cache for as long as the caseload is open (half a million
    // occurrences for a city, ~90 MB), and writers still get their turn between windows.
    const to = addDays(from, WINDOW_DAYS);
    const rows = await db.transaction('r', table, () => table.where('[status+dueDate]').between(['pending', from], ['pending', to], true, false).toArray());
    for (const o of rows) {
      if (!o.stationCode.startsWith(stationPrefix) || next.has(o.recipientId)) continue;
      next.set(o.recipientId, o.dueDate);
    }
  }
  return next;
}

/** Occurrences read per request by firstByNextDue, and at most this many requests. */
const FIRST_BATCH = 500;
const FIRST_BATCHES = 8;

/**
 * The first `n` recipients of a scope in next-due order (earliest first; the same date in
 * station order, as `orderByNextDue` gives the whole list), from the start of the
 * `[status+dueDate]` index: a few hundred occurrences, where the whole order reads every
 * pending one. The last due date is read to its end, so these lines never move when the whole
 * order arrives. Recipients with nothing pending are not among them (they come last). Meant
 * for the database's own scope, where nearly every occurrence is in it; it gives up after
 * FIRST_BATCHES requests with what it has, the lines in due order still.
 */
export async function firstByNextDue(db: YoufuDb, stationPrefix: string, n: number): Promise<string[]> {
  const first = new Map<string, { dueDate: string; stationCode: string }>();
  const range = db.dutyOccurrences.where('[status+dueDate]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey], true, true);
  let lastDate: string | null = null;
  for (let batch = 0; batch < FIRST_BATCHES; batch++) {
    const rows = await range.clone().offset(batch * FIRST_BATCH).limit(FIRST_BATCH).toArray();
    for (const o of rows) {
      if (first.size >= n && o.dueDate !== lastDate) return ordered(first);
      lastDate = o.dueDate;
      if (o.stationCode.startsWith(stationPrefix) && !first.has(o.recipientId)) first.set(o.recipientId, { dueDate: o.dueDate, stationCode: o.stationCode });
    }
    if (rows.length < FIRST_BATCH) break;
  }
  return ordered(first);
}

/** By due date, then station, then id: `orderByNextDue`'s order for the same recipients. */
function ordered(first: ReadonlyMap<string, { dueDate: string; stationCode: string }>): string[] {
  const key = (id: string): string => {
    const f = first.get(id)!;
    return `${f.dueDate}\u0000${f.stationCode}\u0000${id}`;
  };
  return [...first.keys()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/** The earliest pending due date of the recipients given (the rows on screen). */
export async function nextDueOf(db: YoufuDb, recipientIds: readonly string[]): Promise<Map<string, string>> {
  const next = new Map<string, string>();
  for (const o of await pendingOccurrencesOf(db, '[recipientId+status]', recipientIds)) {
    const seen = next.get(o.recipientId);
    if (seen === undefined || o.dueDate < seen) next.set(o.recipientId, o.dueDate);
  }
  return next;
}

/**
 * Ids by next due date, the earliest (most overdue) first; recipients due the same day keep the
 * order given (by station), and those with nothing pending come last, in that order too.
 */
export function orderByNextDue(ids: readonly string[], nextDue: ReadonlyMap<string, string>): string[] {
  const due: string[] = [];
  const rest: string[] = [];
  for (const id of ids) (nextDue.has(id) ? due : rest).push(id);
  // Array sort is stable: equal dates keep their order.
  due.sort((a, b) => {
    const da = nextDue.get(a)!;
    const db = nextDue.get(b)!;
    return da === db ? 0 : da < db ? -1 : 1;
  });
  return [...due, ...rest];
}
