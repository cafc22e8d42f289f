import type { Aid } from '../../shared/domain/schemas';
import { newAidIssues } from '../../shared/validation/newAid';
import { type EntityInput, type RepoContext, type RepoResult, type WriteSession, runWrite } from './repository';

/** Records aid. A new record is never voided; voidAid is the only way there. */
export async function addAid(ctx: RepoContext, input: EntityInput<'aid'>): Promise<RepoResult<Aid>> {
  return runWrite(ctx, (s) => {
    failOnNewAidIssues(s, { kind: input.kind, amountFen: input.amountFen ?? null });
    return s.put('aid', { ...input, voided: false, voidReason: null });
  });
}

/** The rules for aid as recorded (shared/validation/newAid.ts); stored rows are not held to them. */
function failOnNewAidIssues(s: WriteSession, aid: { kind: Aid['kind']; amountFen: number | null }): void {
  const issues = newAidIssues(aid);
  if (issues.length > 0) s.fail({ code: 'validation_failed', issues: issues.map((i) => ({ path: [i.path], code: i.code })) });
}

/** Corrects aid fields (amount, item, acknowledgement …) of a record that is not voided. */
export async function updateAid(
  ctx: RepoContext,
  id: string,
  patch: Partial<Omit<EntityInput<'aid'>, 'id' | 'voided' | 'voidReason'>>,
): Promise<RepoResult<Aid>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.require('aid', id);
    if (existing.voided) s.fail({ code: 'aid_already_voided' });
    if (patch.amountFen !== undefined || patch.kind !== undefined) {
      failOnNewAidIssues(s, {
        kind: patch.kind ?? existing.kind,
        amountFen: patch.amountFen === undefined ? existing.amountFen : patch.amountFen,
      });
    }
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
