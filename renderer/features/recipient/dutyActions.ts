import type { Duty } from '../../../shared/domain/schemas';
import type { EntityInput, RepoContext, RepoResult } from '../../db/repository';

/** Adds a new plan or changes one (the repository reschedules its pending occurrence). */
export async function saveDutyPlan(_ctx: RepoContext, _input: EntityInput<'duties'>, _existing: Duty | null): Promise<RepoResult<unknown>> {
  await Promise.resolve();
  return { ok: false, error: { code: 'write_failed', message: 'dutyRepository not available yet' } };
}

export async function deactivateDutyPlan(_ctx: RepoContext, _dutyId: string): Promise<RepoResult<unknown>> {
  await Promise.resolve();
  return { ok: false, error: { code: 'write_failed', message: 'dutyRepository not available yet' } };
}
