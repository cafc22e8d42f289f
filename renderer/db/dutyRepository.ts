import { jsonEqual } from '../../shared/jsonEqual';
import type { Duty, DutyOccurrence } from '../../shared/domain/schemas';
import { firstOccurrence, todayInShanghai } from '../../shared/duties';
import { type EntityInput, type RepoContext, type RepoResult, type WriteSession, runWrite } from './repository';

export interface DutyWithOccurrence {
  duty: Duty;
  /** The occurrence created by this write, if any. */
  occurrence: DutyOccurrence | null;
}

/** Adds a duty plan (usually a custom one) and its first occurrence. */
export async function createDuty(ctx: RepoContext, input: EntityInput<'duties'>): Promise<RepoResult<DutyWithOccurrence>> {
  return runWrite(ctx, async (s) => {
    const duty = await s.put('duties', input);
    return { duty, occurrence: await scheduleFirst(s, duty) };
  });
}

export type DutyPatch = Partial<Omit<EntityInput<'duties'>, 'id' | 'recipientId' | 'source'>>;

/**
 * Edits a duty plan. A change of schedule (recurrence or anchor date) or deactivation cancels
 * the pending occurrence, which was computed from the old plan; an active plan then gets a
 * fresh first occurrence. A change of assignee or note leaves the occurrences alone.
 */
export async function updateDuty(ctx: RepoContext, id: string, patch: DutyPatch): Promise<RepoResult<DutyWithOccurrence>> {
  return runWrite(ctx, async (s) => {
    const before = await s.require('duties', id);
    const duty = await s.patch('duties', id, patch);
    const rescheduled = !jsonEqual(before.recurrence, duty.recurrence) || before.anchorDate !== duty.anchorDate;
    if (rescheduled || !duty.active) await cancelPending(s, id);
    return { duty, occurrence: duty.active ? await scheduleFirst(s, duty) : null };
  });
}

/** Creates the first occurrence of every active duty of a recipient that has none pending. */
export async function generateFirstOccurrences(ctx: RepoContext, recipientId: string): Promise<RepoResult<DutyOccurrence[]>> {
  return runWrite(ctx, async (s) => {
    const duties = await s.query('duties', (t) => t.where('recipientId').equals(recipientId).toArray());
    const out: DutyOccurrence[] = [];
    for (const duty of duties) {
      const occ = await scheduleFirst(s, duty);
      if (occ) out.push(occ);
    }
    return out;
  });
}

async function cancelPending(s: WriteSession, dutyId: string): Promise<void> {
  const pending = await s.query('dutyOccurrences', (t) => t.where('[dutyId+status]').equals([dutyId, 'pending']).toArray());
  for (const o of pending) await s.put('dutyOccurrences', { ...o, status: 'cancelled' });
}

/** Keeps one pending occurrence per duty: schedules only when none is waiting. */
async function scheduleFirst(s: WriteSession, duty: Duty): Promise<DutyOccurrence | null> {
  if (!duty.active) return null;
  const waiting = await s.table('dutyOccurrences').where('[dutyId+status]').equals([duty.id, 'pending']).count();
  if (waiting > 0) return null;
  const recipient = await s.require('recipients', duty.recipientId);
  const occ = firstOccurrence(duty, recipient, todayInShanghai(s.ctx.now()), s.ctx.newId, s.nowIso());
  return occ === null ? null : s.put('dutyOccurrences', occ);
}
