import { Dexie } from 'dexie';
import type { CategoryCode, LivingSituation, RecipientStatus } from '../../shared/domain/enums';
import type { Aid, Duty, DutyOccurrence, Recipient, Request, Visit } from '../../shared/domain/schemas';
import { DUE_SOON_DAYS, addDays } from '../../shared/duties';
import { parseIdNumber } from '../../shared/validation/idNumber';
import type { EntityRow, EntityTable } from '../../shared/domain/schemas';
import type { EntitySummary, RecipientListItem, StoredRecipient, StoredRow } from './codec';
import type { YoufuDb } from './database';
import { scopeChunks } from './scopeChunks';
import { normalizeSearchText, tailQuery } from './searchKeys';

export type RecipientSummary = EntitySummary<'recipients'>;
export type RequestSummary = EntitySummary<'requests'>;

/**
 * Read functions for the screens, meant for `useLiveQuery`. Reads only; every write goes
 * through the repositories. Each query starts from the most selective index it has and
 * filters the rest in memory, stopping at `limit`.
 *
 * Lists find and order their lines without decrypting (ids, index keys, clear fields: see
 * sensitive.ts) and open only the rows of the lines on screen (`dueItemDetails`, the caseload's
 * rows, a staff member's heroes). All Dexie reads of a query come before any decryption, so
 * `useLiveQuery` still sees every table it depends on.
 */
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
    ids.push(...await db.recipients.where('stationCode').between(from, to, true, false).primaryKeys());
  }
  return ids;
}

/** The number of recipients in a scope, counted range by range (see scopeChunks). */
export async function recipientCount(db: YoufuDb, stationPrefix: string): Promise<number> {
  let total = 0;
  for (const [from, to] of scopeChunks(stationPrefix)) total += await db.recipients.where('stationCode').between(from, to, true, false).count();
  return total;
}

type RecipientCollection = ReturnType<YoufuDb['recipients']['toCollection']>;

/**
 * The collection a search starts from (its most selective index) and the test of the criteria
 * that index does not answer; `matches` is null when the index alone answers them all.
 */
async function recipientQuery(db: YoufuDb, search: RecipientSearch): Promise<{ collection: RecipientCollection; matches: ((r: StoredRecipient) => boolean) | null }> {
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
  const onlyScope = text === '' && dueIds === null && !search.categories?.length && !search.livingSituation?.length &&
    search.dedicatedStaffId === undefined && !search.statuses?.length;

  if (text.length === 18 && parseIdNumber(text).ok) {
    // A whole ID number: the blind index, exactly.
    return { collection: db.recipients.where('idBlind').equals(db.codec.idBlind(text)), matches };
  }
  if (text !== '') {
    // Names are stored only as keyed tokens of their prefixes, ID and phone tails as HMACs: the
    // text is looked up as one token, exactly, and 4 tail characters as a tail too.
    const tail = tailQuery(text);
    const token = db.codec.searchToken(text);
    const collection = tail === null
      ? db.recipients.where('searchKeys').equals(token)
      : db.recipients.where('searchKeys').anyOf([token, db.codec.tailKey(tail)]).distinct();
    return { collection, matches };
  }
  if (search.dedicatedStaffId !== undefined) return { collection: db.recipients.where('dedicatedStaffId').equals(search.dedicatedStaffId), matches };
  if (dueIds !== null) return { collection: db.recipients.where('id').anyOf([...dueIds]), matches };
  if (search.categories?.length) return { collection: db.recipients.where('categoryCodes').anyOf([...search.categories]).distinct(), matches };
  if (search.stationPrefix !== undefined) return { collection: db.recipients.where('stationCode').startsWith(search.stationPrefix), matches: onlyScope ? null : matches };
  return { collection: db.recipients.toCollection(), matches: onlyScope ? null : matches };
}

async function recipientIdsDue(db: YoufuDb, kind: 'overdue' | 'due_soon', today: string): Promise<Set<string>> {
  const upper = kind === 'overdue' ? today : addDays(today, DUE_SOON_DAYS);
  const includeUpper = kind !== 'overdue';
  const ids = new Set<string>();
  await db.dutyOccurrences
    .where('[status+dueDate]')
    .between(['pending', Dexie.minKey], ['pending', upper], true, includeUpper)
    .each((o) => { ids.add(o.recipientId); });
  return ids;
}

export interface DueItem {
  occurrence: DutyOccurrence;
  duty: Duty | undefined;
  /** Opened: the line shows the name and categories. */
  recipient: Recipient | undefined;
}

/**
 * Pending occurrences due on or before `until`, in due-date order (then by id), without their
 * duty or recipient. `assigneeId` keeps the duties assigned to that staff member: read through
 * `[dutyId+status]`, a few hundred rows however big the database. Otherwise the range is read in
 * one getAll and filtered here: a Dexie .filter() walks a cursor, one event per row, several
 * times slower over the same rows.
 */
export async function pendingOccurrenceList(
  db: YoufuDb,
  filter: { stationPrefix?: string | undefined; assigneeId?: string | undefined; until: string },
): Promise<DutyOccurrence[]> {
  const inScope = (o: DutyOccurrence): boolean => filter.stationPrefix === undefined || o.stationCode.startsWith(filter.stationPrefix);
  let occurrences;
  if (filter.assigneeId !== undefined) {
    const duties = await db.duties.where('assigneeId').equals(filter.assigneeId).primaryKeys();
    occurrences = (await pendingOccurrencesOf(db, '[dutyId+status]', duties))
      .filter((o) => o.dueDate <= filter.until && inScope(o))
      .sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));
  } else {
    occurrences = (await db.dutyOccurrences
      .where('[status+dueDate]')
      .between(['pending', Dexie.minKey], ['pending', filter.until], true, true)
      .toArray())
      .filter(inScope);
  }
  return occurrences.map((o) => db.codec.decodeSummary('dutyOccurrences', o));
}

/**
 * The pending occurrences of the duties or recipients given (`[dutyId+status]` or
 * `[recipientId+status]`), in no particular order: one request per key, all in one read
 * transaction. An anyOf over the same keys walks a cursor, about four times slower (400 keys:
 * 820 against 200 ms in a city's database).
 */
export async function pendingOccurrencesOf(db: YoufuDb, index: '[dutyId+status]' | '[recipientId+status]', keys: readonly string[]): Promise<StoredRow<'dutyOccurrences'>[]> {
  if (keys.length === 0) return [];
  const table = db.dutyOccurrences;
  const perKey = await db.transaction('r', table, () => Promise.all(keys.map((k) => table.where(index).equals([k, 'pending']).toArray())));
  return perKey.flat();
}

/** The ids of every hero recipient (keys of the `isHero` index only: no row is read). */
export async function heroRecipientIds(db: YoufuDb): Promise<Set<string>> {
  return new Set(await db.recipients.where('isHero').equals(1).primaryKeys());
}

/**
 * The duty and recipient of each occurrence given (the lines a list shows), opened: call it for
 * the lines on screen only (a page), never for a whole list.
 */
export async function dueItemDetails(db: YoufuDb, occurrences: readonly DutyOccurrence[]): Promise<DueItem[]> {
  const [storedDuties, storedRecipients] = await Promise.all([
    db.duties.bulkGet([...new Set(occurrences.map((o) => o.dutyId))]),
    db.recipients.bulkGet([...new Set(occurrences.map((o) => o.recipientId))]),
  ]);
  const [duties, recipients] = await Promise.all([openRows(db, 'duties', storedDuties), openRows(db, 'recipients', storedRecipients)]);
  const dutyById = new Map(duties.map((d) => [d.id, d] as const));
  const recipientById = new Map(recipients.map((r) => [r.id, r] as const));
  return occurrences.map((occurrence) => ({
    occurrence,
    duty: dutyById.get(occurrence.dutyId),
    recipient: recipientById.get(occurrence.recipientId),
  }));
}

export type TimelineEntry =
  | { kind: 'visit'; date: string; row: Visit }
  | { kind: 'aid'; date: string; row: Aid }
  | { kind: 'request'; date: string; row: Request };

/**
 * A recipient's visits, aid and requests, newest first. `date` is the sort key: the visit time,
 * the aid date, the request's opening time (all start with the Shanghai calendar date).
 */
export async function recipientTimeline(db: YoufuDb, recipientId: string): Promise<TimelineEntry[]> {
  const [visits, aid, requests] = await Promise.all([
    db.visits.where('recipientId').equals(recipientId).toArray(),
    db.aid.where('recipientId').equals(recipientId).toArray(),
    db.requests.where('recipientId').equals(recipientId).toArray(),
  ]);
  // The profile shows every detail: opened here, after every read.
  const [openVisits, openAid, openRequests] = await Promise.all([
    Promise.all(visits.map((v) => db.codec.decode('visits', v))),
    Promise.all(aid.map((a) => db.codec.decode('aid', a))),
    Promise.all(requests.map((r) => db.codec.decode('requests', r))),
  ]);
  const entries: TimelineEntry[] = [
    ...openVisits.map((v): TimelineEntry => ({ kind: 'visit', date: v.visitedAt, row: v })),
    ...openAid.map((a): TimelineEntry => ({ kind: 'aid', date: a.date, row: a })),
    ...openRequests.map((r): TimelineEntry => ({ kind: 'request', date: r.openedAt, row: r })),
  ];
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Open and in-progress requests, oldest first (the ones open longest surface to the supervisor); no description. */
export async function openRequests(db: YoufuDb, filter: { stationPrefix?: string | undefined; assigneeId?: string | undefined } = {}): Promise<RequestSummary[]> {
  const active = (r: { status: string }): boolean => r.status === 'open' || r.status === 'in_progress';
  // A staff member's requests through their index; else one getAll per status, filtered here
  // (anyOf and .filter() walk a cursor, one event per row).
  const rows = filter.assigneeId !== undefined
    ? (await db.requests.where('assigneeId').equals(filter.assigneeId).toArray()).filter(active)
    : (await Promise.all((['open', 'in_progress'] as const).map((status) => db.requests.where('status').equals(status).toArray()))).flat();
  return rows
    .filter((r) => filter.stationPrefix === undefined || r.stationCode.startsWith(filter.stationPrefix))
    .map((r) => db.codec.decodeSummary('requests', r))
    .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : 0));
}

/**
 * The combat heroes and first-class merit holders a dedicated staff member serves (a handful,
 * all on screen as cards: opened), in name order.
 */
export async function heroesOf(db: YoufuDb, staffId: string): Promise<Recipient[]> {
  const rows = await db.recipients.where('dedicatedStaffId').equals(staffId).filter((r) => r.isHero === 1).toArray();
  return (await openRows(db, 'recipients', rows)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Opens the rows found (missing ones skipped), in parallel: for the lines on screen only. */
export async function openRows<T extends EntityTable>(db: YoufuDb, table: T, stored: readonly (StoredRow<T> | undefined)[]): Promise<EntityRow<T>[]> {
  return Promise.all(stored.flatMap((r) => (r === undefined ? [] : [db.codec.decode(table, r)])));
}

/** Mutations not yet acknowledged by the server (the "pending" count in the status bar). */
export async function pendingOutboxCount(db: YoufuDb): Promise<number> {
  return db.outbox.count();
}
