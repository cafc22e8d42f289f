import type { Aid } from '../../shared/domain/schemas';
import { type EntityInput, type RepoContext, type RepoResult, runWrite } from './repository';

/** Records aid. A new record is never voided; voidAid is the only way there. */
export async function addAid(ctx: RepoContext, input: EntityInput<'aid'>): Promise<RepoResult<Aid>> {
  return runWrite(ctx, (s) => s.put('aid', { ...input, voided: false, voidReason: null }));
}

/** Corrects aid fields (amount, item, acknowledgement …) of a record that is not voided. */
export async function updateAid(ctx: RepoContext, id: string, patch: Partial<Omit<EntityInput<'aid'>, 'id' | 'voided' | 'voidReason'>>): Promise<RepoResult<Aid>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.require('aid', id);
    if (existing.voided) s.fail({ code: 'aid_already_voided' });
    return s.patch('aid', id, patch);
  });
}

/**
 * Aid is never deleted: a wrong entry is voided with a reason, so the ledger keeps every
 * hand-out that was ever recorded. A blank reason fails validation (`aid_void_reason_required`).
 */
export async function voidAid(ctx: RepoContext, id: string, reason: string): Promise<RepoResult<Aid>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.require('aid', id);
    if (existing.voided) s.fail({ code: 'aid_already_voided' });
    return s.patch('aid', id, { voided: true, voidReason: reason });
  });
}
