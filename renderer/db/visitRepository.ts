import type { Aid, Duty, DutyOccurrence, Recipient, Request, Visit } from '../../shared/domain/schemas';
import { occurrenceAfterCompletion, todayInShanghai } from '../../shared/duties';
import type { StoredRow } from './codec';
import { type EntityInput, type RepoContext, type RepoResult, type WriteSession, runWrite } from './repository';

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
 */
export async function logVisit(ctx: RepoContext, log: VisitLog): Promise<RepoResult<LoggedVisit>> {
  return runWrite(ctx, async (s) => {
    const occurrenceId = log.occurrenceId ?? log.visit.dutyOccurrenceId;
    // What completing the occurrence needs is read while the visit is written: every read waits
    // an IndexedDB round trip, and none of these depends on the visit (npm run bench, figure 4).
    const completion = occurrenceId === null ? null : readCompletion(s, occurrenceId);
    // Checked after the visit: meanwhile a failed read must not count as unhandled.
    completion?.catch(() => undefined);
    const visit = await s.put('visits', { ...log.visit, dutyOccurrenceId: occurrenceId }, ['visit']);
    const aid: Aid[] = [];
    for (const [i, a] of log.aid.entries()) {
      aid.push(await s.put('aid', { ...a, recipientId: visit.recipientId, visitId: visit.id, voided: false, voidReason: null }, ['aid', i]));
    }
    const requests: Request[] = [];
    for (const [i, n] of log.needs.entries()) {
      requests.push(await s.put('requests', { ...n, recipientId: visit.recipientId, visitId: visit.id, source: 'visit', status: 'open', closedAt: null }, ['needs', i]));
    }
    const occurrences = completion === null ? null : await completeOccurrence(s, await completion, visit);
    return { visit, aid, requests, completedOccurrence: occurrences?.completed ?? null, nextOccurrence: occurrences?.next ?? null };
  });
}

interface Completion {
  occurrence: DutyOccurrence;
  /** As stored: opened once the visit is written (one transaction-keeping wait at a time). */
  storedDuty: StoredRow<'duties'>;
  storedRecipient: StoredRow<'recipients'>;
  /** The duty's pending occurrences, this one included. */
  pending: number;
}

async function readCompletion(s: WriteSession, occurrenceId: string): Promise<Completion> {
  const occurrence = await s.require('dutyOccurrences', occurrenceId);
  const [storedDuty, storedRecipient, pending] = await Promise.all([
    s.table('duties').get(occurrence.dutyId),
    s.table('recipients').get(occurrence.recipientId),
    s.table('dutyOccurrences').where('[dutyId+status]').equals([occurrence.dutyId, 'pending']).count(),
  ]);
  if (storedDuty === undefined) s.fail({ code: 'not_found', table: 'duties', rowId: occurrence.dutyId });
  if (storedRecipient === undefined) s.fail({ code: 'not_found', table: 'recipients', rowId: occurrence.recipientId });
  return { occurrence, storedDuty, storedRecipient, pending };
}

async function completeOccurrence(s: WriteSession, c: Completion, visit: Visit): Promise<{ completed: DutyOccurrence; next: DutyOccurrence | null }> {
  const { occurrence } = c;
  if (occurrence.status !== 'pending' || occurrence.recipientId !== visit.recipientId) {
    s.fail({ code: 'occurrence_not_pending', occurrenceId: occurrence.id });
  }
  const completed = await s.update('dutyOccurrences', occurrence, { status: 'done', doneAt: visit.visitedAt, visitId: visit.id });
  // One pending occurrence per duty: if another is already waiting (say, pulled from another
  // device), completing this one must not schedule a second.
  if (c.pending > 1) return { completed, next: null };
  // The next due date needs the birth date (sealed) and the plan: both opened in ONE
  // transaction-keeping wait (each costs an IndexedDB round trip).
  const codec = s.ctx.db.codec;
  const [duty, recipient]: [Duty, Recipient] = await s.crypto(Promise.all([codec.decode('duties', c.storedDuty), codec.decode('recipients', c.storedRecipient)]));
  const doneDate = todayInShanghai(new Date(visit.visitedAt));
  const next = occurrenceAfterCompletion(duty, recipient, occurrence, doneDate, s.ctx.newId, s.nowIso());
  return { completed, next: next === null ? null : await s.insert('dutyOccurrences', next) };
}
