import type { Aid, Duty, DutyOccurrence, Recipient, Request, Visit } from '../../shared/domain/schemas';
import { contactCompletesDuties, modeFulfils, occurrenceAfterCompletion, todayInShanghai } from '../../shared/duties';
import { newAidIssues } from '../../shared/validation/newAid';
import type { PreparedAttachment } from '../../shared/attachments/prepared';
import { type PreparedAttachmentWrite, prepareAttachments, readAttachmentsNow, writePreparedAttachments } from './attachmentRepository';
import type { StoredRow } from './codec';
import { bound } from './database';
import {
  type EntityInput,
  type PreparedWrite,
  type RepoContext,
  type RepoResult,
  type WriteSession,
  RepoAbort,
  planWrite,
  runPreparedWrite,
  sameStoredRow,
  sealPlanned,
} from './repository';

export interface VisitLog {
  visit: EntityInput<'visits'>;
  aid: readonly EntityInput<'aid'>[];
  /** Needs raised on the visit; each becomes an open request linked to it. */
  needs: readonly EntityInput<'requests'>[];
  /** The duty occurrence this visit fulfils, if any (the first of `occurrenceIds`). */
  occurrenceId: string | null;
  /** Every occurrence the one contact fulfils (a call that is also a festival greeting). */
  occurrenceIds?: readonly string[];
  /** Photos and documents of the visit; `aidIndex` puts one on an aid line of it (a signed receipt). */
  attachments?: readonly { file: PreparedAttachment; aidIndex?: number }[];
}

export interface LoggedVisit {
  visit: Visit;
  aid: Aid[];
  requests: Request[];
  /** The first of `completedOccurrences`, and its duty's next occurrence. */
  completedOccurrence: DutyOccurrence | null;
  nextOccurrence: DutyOccurrence | null;
  completedOccurrences: DutyOccurrence[];
  nextOccurrences: DutyOccurrence[];
  attachmentIds: string[];
}

/**
 * The occurrences a visit completes: the one named first, then the others, once each; none
 * for a call that did not get through (it keeps every duty open).
 */
function occurrencesToComplete(log: VisitLog): string[] {
  if (!contactCompletesDuties(log.visit.mode, log.visit.outcome ?? 'reached')) return [];
  const first = log.occurrenceId ?? log.visit.dutyOccurrenceId;
  return [...new Set([...(first === null ? [] : [first]), ...(log.occurrenceIds ?? [])])];
}

/**
 * Logs a visit in ONE transaction: the visit, each aid item and each need (as an open request)
 * linked to it, the named duty occurrences marked done and each duty's next occurrence created.
 * Any invalid item aborts the whole visit; issue paths name the part of the form
 * (['visit', 'staffIds'], ['aid', 1, 'amountFen'], ['needs', 0, 'description']). A duty is
 * done only by a contact of its kind (shared/duties/contactRules.ts): a call that names a home
 * visit fails with `occurrence_wrong_mode`, and writes nothing.
 *
 * All the WebCrypto work happens before the transaction opens (`runPreparedWrite`): the visit,
 * aid and requests are validated and sealed as new rows while the occurrences and the recipient
 * are read, and the recipient opened (the next due date needs the birth date, which is sealed;
 * the duty's plan is clear). The transaction then reads everything at once, checks that each
 * row is still the one prepared from, and issues every write together: two IndexedDB round
 * trips and no crypto wait (npm run bench, figure 4). A row that changed in between (a pull,
 * another window, a visit id already stored) is read, opened and written again inside instead,
 * as before, so nothing is lost and nothing half-written.
 */
export async function logVisit(ctx: RepoContext, log: VisitLog): Promise<RepoResult<LoggedVisit>> {
  const occurrenceIds = occurrencesToComplete(log);
  return runPreparedWrite(
    ctx,
    () => prepareVisit(ctx, log, occurrenceIds),
    (s, p) => writeVisit(s, p),
  );
}

interface PreparedVisit {
  occurrenceIds: string[];
  visit: PreparedWrite<'visits'>;
  aid: PreparedWrite<'aid'>[];
  requests: PreparedWrite<'requests'>[];
  /** The occurrences as read before the transaction (undefined: not found then). */
  occurrences: (DutyOccurrence | undefined)[];
  /** The visit's recipient as stored then, and opened; undefined without an occurrence. */
  recipient: { stored: StoredRow<'recipients'>; opened: Recipient } | undefined;
  attachments: PreparedAttachmentWrite[];
}

async function prepareVisit(ctx: RepoContext, log: VisitLog, occurrenceIds: string[]): Promise<PreparedVisit> {
  // Read while the rows are validated and sealed. A missing row is the transaction's to report.
  const reading =
    occurrenceIds.length === 0
      ? Promise.resolve({ occurrences: [], recipient: undefined })
      : readForCompletion(ctx, occurrenceIds, log.visit.recipientId);
  reading.catch(() => undefined);
  // Validated in the form's order, so the first invalid part is the one reported. Prepared as
  // new rows (a visit's are): the transaction checks that none is stored yet.
  const visitInput: EntityInput<'visits'> = { ...log.visit, dutyOccurrenceId: occurrenceIds[0] ?? null };
  const visitPlan = planWrite(ctx, 'visits', visitInput, undefined, ['visit']);
  const visitRow = visitPlan.row;
  const aidInputs = log.aid.map((a): EntityInput<'aid'> => ({
    ...a,
    recipientId: visitRow.recipientId,
    visitId: visitRow.id,
    voided: false,
    voidReason: null,
  }));
  const aidPlans = aidInputs.map((a, i) => {
    const plan = planWrite(ctx, 'aid', a, undefined, ['aid', i]);
    // New aid only: a stored ¥0.00 entry from before this rule must still sync and be voided.
    const issues = newAidIssues(plan.row);
    if (issues.length > 0)
      throw new RepoAbort({ code: 'validation_failed', issues: issues.map((x) => ({ path: ['aid', i, x.path], code: x.code })) });
    return plan;
  });
  const requestInputs = log.needs.map((n): EntityInput<'requests'> => ({
    ...n,
    recipientId: visitRow.recipientId,
    visitId: visitRow.id,
    source: 'visit',
    status: 'open',
    closedAt: null,
  }));
  const requestPlans = requestInputs.map((n, i) => planWrite(ctx, 'requests', n, undefined, ['needs', i]));
  const toAttach = (log.attachments ?? []).map((a) => {
    const aidRow = a.aidIndex === undefined ? undefined : aidPlans[a.aidIndex]?.row;
    if (a.aidIndex !== undefined && aidRow === undefined)
      throw new RepoAbort({ code: 'validation_failed', issues: [{ path: ['attachments'], code: 'attachment_owner_mismatch' }] });
    return { file: a.file, owner: aidRow ? { table: 'aid' as const, id: aidRow.id } : { table: 'visits' as const, id: visitRow.id } };
  });
  const [visit, aid, requests, attachments, read] = await Promise.all([
    sealPlanned(ctx, visitPlan, visitInput, undefined, ['visit']),
    Promise.all(aidPlans.map((plan, i) => sealPlanned(ctx, plan, aidInputs[i]!, undefined, ['aid', i]))),
    Promise.all(requestPlans.map((plan, i) => sealPlanned(ctx, plan, requestInputs[i]!, undefined, ['needs', i]))),
    prepareAttachments(ctx, visitRow.recipientId, visitRow.stationCode, toAttach),
    reading,
  ]);
  return { occurrenceIds, visit, aid, requests, attachments, ...read };
}

async function readForCompletion(
  ctx: RepoContext,
  occurrenceIds: string[],
  recipientId: string,
): Promise<Pick<PreparedVisit, 'occurrences' | 'recipient'>> {
  const [occurrences, stored] = await ctx.db.transaction('r', ['dutyOccurrences', 'recipients'], (tx) =>
    Promise.all([bound.entity(tx, 'dutyOccurrences').bulkGet(occurrenceIds), bound.entity(tx, 'recipients').get(recipientId)]),
  );
  return { occurrences, recipient: stored === undefined ? undefined : { stored, opened: await ctx.db.codec.decode('recipients', stored) } };
}

async function writeVisit(s: WriteSession, p: PreparedVisit): Promise<LoggedVisit> {
  const visitRow = p.visit.row;
  const plannedDuties = [...new Set(p.occurrences.flatMap((o) => (o === undefined ? [] : [o.dutyId])))];
  const completing = p.occurrenceIds.length > 0;
  // Everything read at once: the rows as stored now, the duties, their pending counts and the clock.
  const [visitNow, aidNow, requestsNow, attachmentsNow, occurrencesNow, dutiesNow, recipientNow] = await Promise.all([
    s.table('visits').get(p.visit.input.id),
    s.table('aid').bulkGet(p.aid.map((a) => a.input.id)),
    s.table('requests').bulkGet(p.requests.map((r) => r.input.id)),
    readAttachmentsNow(s, p.attachments),
    completing ? s.table('dutyOccurrences').bulkGet(p.occurrenceIds) : Promise.resolve([]),
    Promise.all(plannedDuties.map((id) => readDuty(s, id))),
    completing ? s.table('recipients').get(visitRow.recipientId) : Promise.resolve(undefined),
    s.loadClock(),
  ]);
  const dutyById = new Map(plannedDuties.map((id, i) => [id, dutiesNow[i]!]));
  const completions: Completion[] = [];
  for (const [i, id] of p.occurrenceIds.entries()) {
    const occurrence = occurrencesNow[i];
    if (occurrence === undefined) s.fail({ code: 'not_found', table: 'dutyOccurrences', rowId: id });
    if (occurrence.status !== 'pending' || occurrence.recipientId !== visitRow.recipientId) {
      s.fail({ code: 'occurrence_not_pending', occurrenceId: occurrence.id });
    }
    // Read for another duty than the occurrence names now (never, in practice): read again.
    let c = dutyById.get(occurrence.dutyId);
    if (c === undefined) {
      c = await readDuty(s, occurrence.dutyId);
      dutyById.set(occurrence.dutyId, c);
    }
    if (c.duty === undefined) s.fail({ code: 'not_found', table: 'duties', rowId: occurrence.dutyId });
    if (!modeFulfils(visitRow.mode, c.duty.kind)) s.fail({ code: 'occurrence_wrong_mode', occurrenceId: occurrence.id });
    if (recipientNow === undefined) s.fail({ code: 'not_found', table: 'recipients', rowId: occurrence.recipientId });
    completions.push({ occurrence, duty: c.duty, recipient: recipientNow, pending: c.pending });
  }
  const writes: Promise<unknown>[] = [];
  const [visit, aid, requests] = await writePrepared(s, p, { visit: visitNow, aid: aidNow, requests: requestsNow }, writes);
  for (const w of writePreparedAttachments(s, p.attachments, attachmentsNow)) track(writes, w);
  const completedOccurrences: DutyOccurrence[] = [];
  const nextOccurrences: DutyOccurrence[] = [];
  const completedPerDuty = new Map<string, number>();
  for (const { occurrence: o, pending, duty: storedDuty, recipient: storedRecipient } of completions) {
    const completed = s.writeClear('dutyOccurrences', { ...o, status: 'done', doneAt: visit.visitedAt, visitId: visit.id }, o);
    track(writes, completed.done);
    completedOccurrences.push(completed.row);
    const before = completedPerDuty.get(o.dutyId) ?? 0;
    completedPerDuty.set(o.dutyId, before + 1);
    // One pending occurrence per duty: if another is still waiting (say, pulled from another
    // device, or named by this visit too), completing this one must not schedule a second.
    if (pending - before <= 1) {
      const recipient = await openRecipient(s, p, storedRecipient);
      // The schedule is the duty's clear fields: its one sealed field, the note, plays no part.
      const duty: Duty = { ...s.ctx.db.codec.decodeSummary('duties', storedDuty), note: '' };
      const next = occurrenceAfterCompletion(duty, recipient, o, todayInShanghai(new Date(visit.visitedAt)), s.ctx.newId, s.nowIso());
      if (next !== null) {
        const inserted = s.writeClear('dutyOccurrences', next, undefined);
        track(writes, inserted.done);
        nextOccurrences.push(inserted.row);
      }
    }
  }
  track(writes, s.persistClock());
  await Promise.all(writes);
  const firstNext = nextOccurrences.find((n) => n.dutyId === completedOccurrences[0]?.dutyId) ?? null;
  return {
    visit,
    aid,
    requests,
    completedOccurrence: completedOccurrences[0] ?? null,
    nextOccurrence: firstNext,
    completedOccurrences,
    nextOccurrences,
    attachmentIds: p.attachments.map((a) => a.row.row.id),
  };
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
  s: WriteSession,
  p: PreparedVisit,
  now: { visit: StoredRow<'visits'> | undefined; aid: (StoredRow<'aid'> | undefined)[]; requests: (StoredRow<'requests'> | undefined)[] },
  writes: Promise<unknown>[],
): Promise<[Visit, Aid[], Request[]]> {
  const fresh =
    sameStoredRow(now.visit, p.visit.basis) &&
    p.aid.every((a, i) => sameStoredRow(now.aid[i], a.basis)) &&
    p.requests.every((r, i) => sameStoredRow(now.requests[i], r.basis));
  if (fresh) {
    const issued = [
      s.applyPrepared(p.visit, now.visit),
      ...p.aid.map((a, i) => s.applyPrepared(a, now.aid[i])),
      ...p.requests.map((r, i) => s.applyPrepared(r, now.requests[i])),
    ];
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
