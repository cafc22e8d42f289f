import { Dexie } from 'dexie';
import type { CategoryCode, LivingSituation, RecipientStatus } from '../../../shared/domain/enums';
import type { Recipient } from '../../../shared/domain/schemas';
import { DUE_SOON_DAYS, addDays } from '../../../shared/duties';
import { parseIdNumber } from '../../../shared/validation/idNumber';
import type { RecipientListItem, StoredRecipient } from '../codec';
import type { YoufuDb } from '../database';
import { scopeChunks } from '../scopeChunks';
import { normalizeSearchText, tailQuery } from '../searchKeys';
import { openRows, pendingOccurrencesOf } from './rows';

/** The caseload's reads: the recipient search, counts, and the next-due order (see rows.ts for the rules). */
export interface RecipientSearch {
  text?: string;
  categories?: readonly CategoryCode[];
  stationPrefix?: string;
  livingSituation?: readonly LivingSituation[];
  dedicatedStaffId?: string;
  statuses?: readonly RecipientStatus[];
  /** Recipients with a pending occurrence overdue, or due within DUE_SOON_DAYS (overdue included), as of `today`. */
  dueStatus?: { kind: 'overdue' | 'due_soon'; today: string };
}

export async function searchRecipients(db: YoufuDb, search: RecipientSearch, limit = 50): Promise<RecipientListItem[]> {
  const { collection, matches } = await recipientQuery(db, search);
  const rows = await (matches ? collection.filter(matches) : collection).limit(limit).toArray();
  return rows.map((r) => db.codec.decodeListItem('recipients', r));
}

/**
 * The ids of the recipients `searchRecipients` finds, in the same order, without their rows: what
 * a long list holds, reading rows only for the lines on screen. A search of a station scope
 * alone is answered from the `stationCode` index keys, no row read.
 */
export async function searchRecipientIds(db: YoufuDb, search: RecipientSearch, limit = Infinity, signal?: AbortSignal): Promise<string[]> {
  const { collection, matches } = await recipientQuery(db, search);
  if (matches) return collection.filter(matches).limit(limit).primaryKeys();
  if (Number.isFinite(limit) || search.stationPrefix === undefined) return collection.limit(limit).primaryKeys();
  // A whole scope: community by community, so other requests are not held back behind it
  // (scopeChunks); a list nobody waits for any more (`signal`) stops reading.
  const ids: string[] = [];
  for (const [from, to] of scopeChunks(search.stationPrefix)) {
    signal?.throwIfAborted();
    ids.push(...(await db.recipients.where('stationCode').between(from, to, true, false).primaryKeys()));
  }
  return ids;
}

/** The number of recipients in a scope, counted range by range (see scopeChunks). */
export async function recipientCount(db: YoufuDb, stationPrefix: string): Promise<number> {
  let total = 0;
  for (const [from, to] of scopeChunks(stationPrefix))
    total += await db.recipients.where('stationCode').between(from, to, true, false).count();
  return total;
}

type RecipientCollection = ReturnType<YoufuDb['recipients']['toCollection']>;

/**
 * The collection a search starts from (its most selective index) and the test of the criteria
 * that index does not answer; `matches` is null when the index alone answers them all.
 */
async function recipientQuery(
  db: YoufuDb,
  search: RecipientSearch,
): Promise<{ collection: RecipientCollection; matches: ((r: StoredRecipient) => boolean) | null }> {
  const text = normalizeSearchText(search.text ?? '');
  const dueIds = search.dueStatus ? await recipientIdsDue(db, search.dueStatus.kind, search.dueStatus.today) : null;

  // Living situations are sealed; each row carries a keyed token per value (livingKeys).
  const living = search.livingSituation?.length ? search.livingSituation.map((l) => db.codec.livingKey(l)) : null;
  const matches = (r: StoredRecipient): boolean =>
    (search.stationPrefix === undefined || r.stationCode.startsWith(search.stationPrefix)) &&
    (!search.categories?.length || r.categoryCodes.some((c) => search.categories!.includes(c))) &&
    (living === null || r.livingKeys.some((k) => living.includes(k))) &&
    (search.dedicatedStaffId === undefined || r.dedicatedStaffId === search.dedicatedStaffId) &&
    (!search.statuses?.length || search.statuses.includes(r.status)) &&
    (dueIds === null || dueIds.has(r.id));
  const onlyScope =
    text === '' &&
    dueIds === null &&
    !search.categories?.length &&
    !search.livingSituation?.length &&
    search.dedicatedStaffId === undefined &&
    !search.statuses?.length;

  if (text.length === 18 && parseIdNumber(text).ok) {
    // A whole ID number: the blind index, exactly.
    return { collection: db.recipients.where('idBlind').equals(db.codec.idBlind(text)), matches };
  }
  if (text !== '') {
    // Names are stored only as keyed tokens of their prefixes, ID and phone tails as HMACs: the
    // text is looked up as one token, exactly, and 4 tail characters as a tail too.
    const tail = tailQuery(text);
    const token = db.codec.searchToken(text);
    const collection =
      tail === null
        ? db.recipients.where('searchKeys').equals(token)
        : db.recipients
            .where('searchKeys')
            .anyOf([token, db.codec.tailKey(tail)])
            .distinct();
    return { collection, matches };
  }
  if (search.dedicatedStaffId !== undefined)
    return { collection: db.recipients.where('dedicatedStaffId').equals(search.dedicatedStaffId), matches };
  if (dueIds !== null) return { collection: db.recipients.where('id').anyOf([...dueIds]), matches };
  if (search.categories?.length)
    return {
      collection: db.recipients
        .where('categoryCodes')
        .anyOf([...search.categories])
        .distinct(),
      matches,
    };
  if (search.stationPrefix !== undefined)
    return { collection: db.recipients.where('stationCode').startsWith(search.stationPrefix), matches: onlyScope ? null : matches };
  return { collection: db.recipients.toCollection(), matches: onlyScope ? null : matches };
}

async function recipientIdsDue(db: YoufuDb, kind: 'overdue' | 'due_soon', today: string): Promise<Set<string>> {
  const upper = kind === 'overdue' ? today : addDays(today, DUE_SOON_DAYS);
  const includeUpper = kind !== 'overdue';
  const ids = new Set<string>();
  await db.dutyOccurrences
    .where('[status+dueDate]')
    .between(['pending', Dexie.minKey], ['pending', upper], true, includeUpper)
    .each((o) => {
      ids.add(o.recipientId);
    });
  return ids;
}

/** Due dates read per request by nextDueByRecipient: a city's are about 1,500 occurrences, 40 ms. */
const WINDOW_DAYS = 2;

/**
 * The earliest pending due date of every recipient in a scope, for the caseload's sort by next
 * due. A pass over the `[status+dueDate]` index in due-date order (the first occurrence seen for
 * a recipient is their earliest), WINDOW_DAYS at a time: a city's half a million pending
 * occurrences read at once would hold every other IndexedDB request back for seconds (see
 * renderer/db/scopeChunks.ts).
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
    const rows = await db.transaction('r', table, () =>
      table.where('[status+dueDate]').between(['pending', from], ['pending', to], true, false).toArray(),
    );
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
    const rows = await range
      .clone()
      .offset(batch * FIRST_BATCH)
      .limit(FIRST_BATCH)
      .toArray();
    for (const o of rows) {
      if (first.size >= n && o.dueDate !== lastDate) return ordered(first);
      lastDate = o.dueDate;
      if (o.stationCode.startsWith(stationPrefix) && !first.has(o.recipientId))
        first.set(o.recipientId, { dueDate: o.dueDate, stationCode: o.stationCode });
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

/** A caseload line: its recipient opened (only the lines in view are read), with the next due date. */
export interface CaseloadRow {
  recipient: Recipient;
  nextDue: string | null;
}

/**
 * The rows of the ids given (the lines in view), opened, with their next due date: names and
 * everything else shown are sealed, and only these lines are decrypted.
 */
export async function caseloadRows(db: YoufuDb, ids: readonly string[]): Promise<Map<string, CaseloadRow>> {
  const [stored, nextDue] = await Promise.all([db.recipients.bulkGet([...ids]), nextDueOf(db, ids)]);
  // After every Dexie read, so the live query still tracks them all.
  const opened = await openRows(db, 'recipients', stored);
  const out = new Map<string, CaseloadRow>();
  for (const r of opened) out.set(r.id, { recipient: r, nextDue: nextDue.get(r.id) ?? null });
  return out;
}
