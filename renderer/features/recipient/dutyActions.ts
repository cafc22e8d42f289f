import type { Duty } from '../../../shared/domain/schemas';
import { type DutyWithOccurrence, createDuty, updateDuty } from '../../db/dutyRepository';
import type { EntityInput, RepoContext, RepoResult } from '../../db/repository';

/**
 * Adds a plan, or changes one; the repository cancels the pending occurrence of a changed
 * schedule and schedules a fresh one. An edited default plan keeps its origin.
 */
export async function saveDutyPlan(
  ctx: RepoContext,
  input: EntityInput<'duties'>,
  existing: Duty | null,
): Promise<RepoResult<DutyWithOccurrence>> {
  if (!existing) return createDuty(ctx, input);
  const { id: _id, recipientId: _recipientId, source: _source, rev: _rev, updatedAt: _updatedAt, ...patch } = input;
  return updateDuty(ctx, existing.id, patch);
}

/** Deactivates a plan: no new occurrences, and its pending one is cancelled. */
export async function deactivateDutyPlan(ctx: RepoContext, dutyId: string): Promise<RepoResult<DutyWithOccurrence>> {
  return updateDuty(ctx, dutyId, { active: false });
}
