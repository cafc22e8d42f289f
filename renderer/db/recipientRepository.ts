import { jsonEqual } from '../../shared/jsonEqual';
import type { RecipientStatus } from '../../shared/domain/enums';
import type { Duty, DutyOccurrence, Recipient } from '../../shared/domain/schemas';
import { defaultDutiesFor, dutyChangesForCategories, dutyChangesForStatus, firstOccurrence, todayInShanghai } from '../../shared/duties';
import { type EntityInput, type RepoContext, type RepoResult, type WriteSession, runWrite } from './repository';

export interface CreatedRecipient {
  recipient: Recipient;
  duties: Duty[];
  occurrences: DutyOccurrence[];
}

export interface CreateRecipientOptions {
  /** Who gets the default duty plans of a non-hero (and of a hero without dedicated staff). Defaults to the acting staff member. */
  assigneeId?: string | null;
}

/** Aborts with `id_number_duplicate` if another recipient already holds this ID number. */
async function assertIdNumberFree(s: WriteSession, idNumber: string, selfId: string | null): Promise<void> {
  const blind = s.ctx.db.codec.idBlind(idNumber);
  const holders = await s.table('recipients').where('idBlind').equals(blind).primaryKeys();
  const other = holders.find((id) => id !== selfId);
  if (other !== undefined) s.fail({ code: 'id_number_duplicate', existingId: other });
}

/**
 * Registers a recipient with their default duty plans (from the category cadence rules) and
 * each plan's first occurrence, in one transaction. The same ID number at another station is
 * a duplicate to resolve, not a second person: `{code:'id_number_duplicate', existingId}`.
 */
export async function createRecipient(
  ctx: RepoContext,
  input: EntityInput<'recipients'>,
  options: CreateRecipientOptions = {},
): Promise<RepoResult<CreatedRecipient>> {
  return runWrite(ctx, async (s) => {
    await assertIdNumberFree(s, input.idNumber, null);
    const recipient = await s.put('recipients', input);
    const today = todayInShanghai(ctx.now());
    const now = s.nowIso();
    const assigneeId = options.assigneeId === undefined ? ctx.actor.staffId : options.assigneeId;
    const duties: Duty[] = [];
    const occurrences: DutyOccurrence[] = [];
    for (const duty of defaultDutiesFor(recipient, { today, assigneeId, newId: ctx.newId, now })) {
      duties.push(await s.put('duties', duty));
      const occurrence = firstOccurrence(duty, recipient, today, ctx.newId, now);
      if (occurrence) occurrences.push(await s.put('dutyOccurrences', occurrence));
    }
    return { recipient, duties, occurrences };
  });
}

/** Profile fields; status goes through changeRecipientStatus so duties follow it. */
export type RecipientPatch = Partial<Omit<EntityInput<'recipients'>, 'id' | 'status' | 'statusDate' | 'rev' | 'updatedAt'>>;

/**
 * Edits profile fields. When the categories change, the default duty plans follow in the same
 * transaction (shared/duties/categoryChange.ts): plans the new categories call for are added
 * with their first occurrence, default plans they no longer call for stop.
 */
export async function updateRecipient(ctx: RepoContext, id: string, patch: RecipientPatch): Promise<RepoResult<Recipient>> {
  return runWrite(ctx, async (s) => {
    if (patch.idNumber !== undefined) await assertIdNumberFree(s, patch.idNumber, id);
    const before = patch.categories === undefined ? null : await s.require('recipients', id);
    const recipient = await s.patch('recipients', id, patch);
    if (before !== null && !jsonEqual(before.categories, recipient.categories)) {
      const duties = await s.query('duties', (t) => t.where('recipientId').equals(id).toArray());
      const pending = await s.query('dutyOccurrences', (t) => t.where('[recipientId+status]').equals([id, 'pending']).toArray());
      const changes = dutyChangesForCategories(recipient, duties, pending, {
        today: todayInShanghai(ctx.now()),
        assigneeId: ctx.actor.staffId,
        newId: ctx.newId,
        now: s.nowIso(),
      });
      for (const d of changes.dutiesToDeactivate) await s.put('duties', d);
      for (const o of changes.occurrencesToCancel) await s.put('dutyOccurrences', o);
      for (const d of changes.dutiesToAdd) await s.put('duties', d);
      for (const o of changes.occurrencesToAdd) await s.put('dutyOccurrences', o);
    }
    return recipient;
  });
}

export interface StatusChangeResult {
  recipient: Recipient;
  deactivatedDuties: Duty[];
  cancelledOccurrences: DutyOccurrence[];
}

/**
 * Moves a recipient to active / moved / deceased (with its date). Moving away or death
 * deactivates their duties and cancels pending occurrences (rules in shared/duties), in the
 * same transaction as the status itself, so the Today list never shows a deceased person.
 */
export async function changeRecipientStatus(
  ctx: RepoContext,
  id: string,
  status: RecipientStatus,
  statusDate: string | null,
): Promise<RepoResult<StatusChangeResult>> {
  return runWrite(ctx, async (s) => {
    const recipient = await s.patch('recipients', id, { status, statusDate });
    const duties = await s.query('duties', (t) => t.where('recipientId').equals(id).toArray());
    const pending = await s.query('dutyOccurrences', (t) => t.where('[recipientId+status]').equals([id, 'pending']).toArray());
    const changes = dutyChangesForStatus(recipient, status, statusDate, duties, pending);
    const deactivatedDuties: Duty[] = [];
    const cancelledOccurrences: DutyOccurrence[] = [];
    for (const d of changes.dutiesToDeactivate) deactivatedDuties.push(await s.put('duties', d));
    for (const o of changes.occurrencesToCancel) cancelledOccurrences.push(await s.put('dutyOccurrences', o));
    return { recipient, deactivatedDuties, cancelledOccurrences };
  });
}
