import type { Aid, Duty, DutyOccurrence, Recipient, Request, Visit } from '../../shared/domain/schemas';
import { occurrenceAfterCompletion, todayInShanghai } from '../../shared/duties';
import type { StoredRow } from './codec';
import { bound } from './database';
import {
  type EntityInput, type PreparedWrite, type RepoContext, type RepoResult, type WriteSession,
  planWrite, runPreparedWrite, sameStoredRow, sealPlanned,
} from './repository';

export interface VisitLog {
  visit: EntityInput<'visits'>;
  aid: readonly EntityInput<'aid'>[];
  /** Needs raised on the visit; each becomes an open request linked to it. */
  needs: readonly EntityInput<'requests'>[];
  /** The duty occurrence this visit fulfils, if any. */
  occurrenceId: string | null;
}

export interface LoggedVisit {
  visit: Visit;
  aid: Aid[];
  requests: Request[];
  completedOccurrence: DutyOccurrence | null;
  nextOccurrence: DutyOccurrence | null;
}

/**
 * Logs a visit in ONE transaction: the visit, each aid item and each need (as an open request)
 * linked to it, the named duty occurrence marked done and the duty's next occurrence created.
 * Any invalid item aborts the whole visit; issue paths name the part of the form
 * (['visit', 'staffIds'], ['aid', 1, 'amountFen'], ['needs', 0, 'description']).
 *
 * All the WebCrypto work happens before the transaction opens (`runPreparedWrite`): the visit,
 * aid and requests are validated and sealed as new rows while the occurrence and the recipient
 * are read, and the recipient opened (the next due date needs the birth date, which is sealed;
 * the duty's plan is clear). The transaction then reads everything at once, checks that each
 * row is still the one prepared from, and issues every write together: two IndexedDB round
 * trips and no crypto wait (npm run bench, figure 4). A row that changed in between (a pull,
 * another window, a visit id already stored) is read, opened and written again inside instead,
 * as before, so nothing is lost and nothing half-written.
 */
export async function logVisit(ctx: RepoContext, log: VisitLog): Promise<RepoResult<LoggedVisit>> {
  const occurrenceId = log.occurrenceId ?? log.visit.dutyOccurrenceId;
  return runPreparedWrite(ctx, () => prepareVisit(ctx, log, occurrenceId), (s, p) => writeVisit(s, p));
}

interface PreparedVisit {
  occurrenceId: string | null;
  visit: PreparedWrite<'visits'>;
  aid: PreparedWrite<'aid'>[];
  requests: PreparedWrite<'requests'>[];
  /** The occurrence as read before the transaction (undefined: none, or not found then). */
  occurrence: DutyOccurrence | undefined;
  /** The visit's recipient as stored then, and opened; undefined without an occurrence. */
  recipient: { stored: StoredRow<'recipients'>; opened: Recipient } | undefined;
}

async function prepareVisit(ctx: RepoContext, log: VisitLog, occurrenceId: string | null): Promise<PreparedVisit> {
  // Read while the rows are validated and sealed. A missing row is the transaction's to report.
  const reading = occurrenceId === null ? Promise.resolve({ occurrence: undefined, recipient: undefined }) : readForCompletion(ctx, occurrenceId, log.visit.recipientId);
  reading.catch(() => undefined);
  // Validated in the form's order, so the first invalid part is the one reported. Prepared as
  // new rows (a visit's are): the transaction checks that none is stored yet.
  const visitInput: EntityInput<'visits'> = { ...log.visit, dutyOccurrenceId: occurrenceId };
  const visitPlan = planWrite(ctx, 'visits', visitInput, undefined, ['visit']);
  const visitRow = visitPlan.row;
  const aidInputs = log.aid.map((a): EntityInput<'aid'> => ({ ...a, recipientId: visitRow.recipientId, visitId: visitRow.id, voided: false, voidReason: null }));
  const aidPlans = aidInputs.map((a, i) => planWrite(ctx, 'aid', a, undefined, ['aid', i]));
  const requestInputs = log.needs.map((n): EntityInput<'requests'> => ({ ...n, recipientId: visitRow.recipientId, visitId: visitRow.id, source: 'visit', status: 'open', closedAt: null }));
  const requestPlans = requestInputs.map((n, i) => planWrite(ctx, 'requests', n, undefined, ['needs', i]));
  const [visit, aid, requests, read] = await Promise.all([
    sealPlanned(ctx, visitPlan, visitInput, undefined, ['visit']),
    Promise.all(aidPlans.map((plan, i) => sealPlanned(ctx, plan, aidInputs[i]!, undefined, ['aid', i]))),
    Promise.all(requestPlans.map((plan, i) => sealPlanned(ctx, plan, requestInputs[i]!, undefined, ['needs', i]))),
    reading,
  ]);
  return { occurrenceId, visit, aid, requests, ...read };
}

async function readForCompletion(ctx: RepoContext, occurrenceId: string, recipientId: string): Promise<Pick<PreparedVisit, 'occurrence' | 'recipient'>> {
  const [occurrence, stored] = await ctx.db.transaction('r', ['dutyOccurrences', 'recipients'], (tx) => Promise.all([
    bound.entity(tx, 'dutyOccurrences').get(occurrenceId),
    bound.entity(tx, 'recipients').get(recipientId),
  ]));
  return { occurrence, recipient: stored === undefined ? undefined : { stored, opened: await ctx.db.codec.decode('recipients', stored) } };
}

async function writeVisit(s: WriteSession, p: PreparedVisit): Promise<LoggedVisit> {
  const planned = p.occurrence;
  const visitRow = p.visit.row;
  // Everything read at once: the rows as stored now, the duty, its pending count and the clock.
  const [visitNow, aidNow, requestsNow, occurrence, dutyNow, recipientNow, pendingNow] = await Promise.all([
    s.table('visits').get(p.visit.input.id),
    s.table('aid').bulkGet(p.aid.map((a) => a.input.id)),
    s.table('requests').bulkGet(p.requests.map((r) => r.input.id)),
    p.occurrenceId === null ? undefined : s.table('dutyOccurrences').get(p.occurrenceId),
    planned === undefined ? undefined : s.table('duties').get(planned.dutyId),
    p.occurrenceId === null ? undefined : s.table('recipients').get(visitRow.recipientId),
    planned === undefined ? 0 : s.table('dutyOccurrences').where('[dutyId+status]').equals([planned.dutyId, 'pending']).count(),
    s.loadClock(),
  ]);
  let completion: Completion | null = null;
  if (p.occurrenceId !== null) {
    if (occurrence === undefined) s.fail({ code: 'not_found', table: 'dutyOccurrences', rowId: p.occurrenceId });
    if (occurrence.status !== 'pending' || occurrence.recipientId !== visitRow.recipientId) {
      s.fail({ code: 'occurrence_not_pending', occurrenceId: occurrence.id });
    }
    // Read for another duty than the occurrence names now (never, in practice): read again.
    const c = occurrence.dutyId === planned?.dutyId
      ? { duty: dutyNow, pending: pendingNow }
      : await readDuty(s, occurrence.dutyId);
    if (c.duty === undefined) s.fail({ code: 'not_found', table: 'duties', rowId: occurrence.dutyId });
    if (recipientNow === undefined) s.fail({ code: 'not_found', table: 'recipients', rowId: occurrence.recipientId });
    completion = { occurrence, duty: c.duty, recipient: recipientNow, pending: c.pending };
  }
  const writes: Promise<unknown>[] = [];
  const [visit, aid, requests] = await writePrepared(s, p, { visit: visitNow, aid: aidNow, requests: requestsNow }, writes);
  let completedOccurrence: DutyOccurrence | null = null;
  let nextOccurrence: DutyOccurrence | null = null;
  if (completion !== null) {
    const { occurrence: o, pending } = completion;
    const completed = s.writeClear('dutyOccurrences', { ...o, status: 'done', doneAt: visit.visitedAt, visitId: visit.id }, o);
    track(writes, completed.done);
    completedOccurrence = completed.row;
    // One pending occurrence per duty: if another is already waiting (say, pulled from another
    // device), completing this one must not schedule a second.
    if (pending <= 1) {
      const recipient = await openRecipient(s, p, completion.recipient);
      // The schedule is the duty's clear fields: its one sealed field, the note, plays no part.
      const duty: Duty = { ...s.ctx.db.codec.decodeSummary('duties', completion.duty), note: '' };
      const next = occurrenceAfterCompletion(duty, recipient, o, todayInShanghai(new Date(visit.visitedAt)), s.ctx.newId, s.nowIso());
      if (next !== null) {
        const inserted = s.writeClear('dutyOccurrences', next, undefined);
        track(writes, inserted.done);
        nextOccurrence = inserted.row;
      }
    }
  }
  track(writes, s.persistClock());
  await Promise.all(writes);
  return { visit, aid, requests, completedOccurrence, nextOccurrence };
}

async function readDuty(s: WriteSession, dutyId: string): Promise<{ duty: StoredRow<'duties'> | undefined; pending: number }> {
  const [duty, pending] = await Promise.all([
    s.table('duties').get(dutyId),
    s.table('dutyOccurrences').where('[dutyId+status]').equals([dutyId, 'pending']).count(),
  ]);
  return { duty, pending };
}

/** The recipient as stored now: the one opened beforehand if unchanged, else opened here. */
async function openRecipient(s: WriteSession, p: PreparedVisit, stored: StoredRow<'recipients'>): Promise<Recipient> {
  if (p.recipient !== undefined && sameStoredRow(stored, p.recipient.stored)) return p.recipient.opened;
  return s.crypto(s.ctx.db.codec.decode('recipients', stored));
}

/**
 * A write's requests, awaited together at the end. If the transaction aborts before (a failed
 * check, a crypto error), each rejects with the abort: that must not count as unhandled.
 */
function track(writes: Promise<unknown>[], write: Promise<unknown>): void {
  write.catch(() => undefined);
  writes.push(write);
}

interface Completion {
  occurrence: DutyOccurrence;
  duty: StoredRow<'duties'>;
  recipient: StoredRow<'recipients'>;
  /** The duty's pending occurrences, this one included. */
  pending: number;
}

/**
 * The visit, aid and requests: if every row is still as prepared, all their requests go out at
 * once (pushed to `writes`, nothing awaited); otherwise one after another, each read again.
 */
async function writePrepared(
  s: WriteSession, p: PreparedVisit,
  now: { visit: StoredRow<'visits'> | undefined; aid: (StoredRow<'aid'> | undefined)[]; requests: (StoredRow<'requests'> | undefined)[] },
  writes: Promise<unknown>[],
): Promise<[Visit, Aid[], Request[]]> {
  const fresh = sameStoredRow(now.visit, p.visit.basis)
    && p.aid.every((a, i) => sameStoredRow(now.aid[i], a.basis))
    && p.requests.every((r, i) => sameStoredRow(now.requests[i], r.basis));
  if (fresh) {
    const issued = [s.applyPrepared(p.visit, now.visit), ...p.aid.map((a, i) => s.applyPrepared(a, now.aid[i])), ...p.requests.map((r, i) => s.applyPrepared(r, now.requests[i]))];
    for (const w of issued) track(writes, w);
    return [p.visit.row, p.aid.map((a) => a.row), p.requests.map((r) => r.row)];
  }
  const visit = await s.applyPrepared(p.visit, now.visit);
  const aid: Aid[] = [];
  for (const [i, a] of p.aid.entries()) aid.push(await s.applyPrepared(a, now.aid[i]));
  const requests: Request[] = [];
  for (const [i, r] of p.requests.entries()) requests.push(await s.applyPrepared(r, now.requests[i]));
  return [visit, aid, requests];
}
