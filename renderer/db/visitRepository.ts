import type { Aid, DutyOccurrence, Request, Visit } from '../../shared/domain/schemas';
import { occurrenceAfterCompletion, todayInShanghai } from '../../shared/duties';
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
    const visit = await s.put('visits', { ...log.visit, dutyOccurrenceId: log.occurrenceId ?? log.visit.dutyOccurrenceId }, ['visit']);
    const aid: Aid[] = [];
    for (const [i, a] of log.aid.entries()) {
      aid.push(await s.put('aid', { ...a, recipientId: visit.recipientId, visitId: visit.id, voided: false, voidReason: null }, ['aid', i]));
    }
    const requests: Request[] = [];
    for (const [i, n] of log.needs.entries()) {
      requests.push(await s.put('requests', { ...n, recipientId: visit.recipientId, visitId: visit.id, source: 'visit', status: 'open', closedAt: null }, ['needs', i]));
    }
    const occurrences = visit.dutyOccurrenceId === null ? null : await completeOccurrence(s, visit.dutyOccurrenceId, visit);
    return { visit, aid, requests, completedOccurrence: occurrences?.completed ?? null, nextOccurrence: occurrences?.next ?? null };
  });
}

async function completeOccurrence(s: WriteSession, occurrenceId: string, visit: Visit): Promise<{ completed: DutyOccurrence; next: DutyOccurrence | null }> {
  const occurrence = await s.require('dutyOccurrences', occurrenceId);
  if (occurrence.status !== 'pending' || occurrence.recipientId !== visit.recipientId) {
    s.fail({ code: 'occurrence_not_pending', occurrenceId });
  }
  const completed = await s.patch('dutyOccurrences', occurrenceId, { status: 'done', doneAt: visit.visitedAt, visitId: visit.id });
  const duty = await s.require('duties', occurrence.dutyId);
  // The next due date needs the birthday and status only: the summary, nothing decrypted.
  const stored = (await s.table('recipients').get(occurrence.recipientId)) ?? s.fail({ code: 'not_found', table: 'recipients', rowId: occurrence.recipientId });
  const recipient = s.ctx.db.codec.decodeSummary('recipients', stored);
  // One pending occurrence per duty: if another is already waiting (say, pulled from another
  // device), completing this one must not schedule a second.
  const stillPending = await s.table('dutyOccurrences').where('[dutyId+status]').equals([duty.id, 'pending']).count();
  if (stillPending > 0) return { completed, next: null };
  const doneDate = todayInShanghai(new Date(visit.visitedAt));
  const next = occurrenceAfterCompletion(duty, recipient, occurrence, doneDate, s.ctx.newId, s.nowIso());
  return { completed, next: next === null ? null : await s.put('dutyOccurrences', next) };
}
