import type { PreparedAttachment } from '../../shared/attachments/prepared';
import type { Aid } from '../../shared/domain/schemas';
import { newAidIssues } from '../../shared/validation/newAid';
import { prepareAttachments, readAttachmentsNow, writePreparedAttachments } from './attachmentRepository';
import {
  type EntityInput,
  type RepoContext,
  type RepoResult,
  RepoAbort,
  type WriteSession,
  planWrite,
  runPreparedWrite,
  runWrite,
  sealPlanned,
} from './repository';

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

/** A hand-out at the station (issue 16): aid with no visit, and its signatures or receipt photos. */
export interface AidHandout {
  aid: readonly EntityInput<'aid'>[];
  /** `aidIndex` names the line a file belongs to (a signature, a photo of the signed receipt). */
  attachments: readonly { file: PreparedAttachment; aidIndex: number }[];
}

/**
 * Records aid handed out at the station, not on a visit: every line and its evidence in ONE
 * transaction, or nothing. Validated and sealed before the transaction opens; a line already
 * stored (a double submit) fails the whole write.
 */
export async function handOutAid(ctx: RepoContext, h: AidHandout): Promise<RepoResult<Aid[]>> {
  return runPreparedWrite(
    ctx,
    async () => {
      const inputs = h.aid.map((a): EntityInput<'aid'> => ({ ...a, visitId: null, voided: false, voidReason: null }));
      const plans = inputs.map((a, i) => {
        const plan = planWrite(ctx, 'aid', a, undefined, ['aid', i]);
        const issues = newAidIssues(plan.row);
        if (issues.length > 0)
          throw new RepoAbort({ code: 'validation_failed', issues: issues.map((x) => ({ path: ['aid', i, x.path], code: x.code })) });
        return plan;
      });
      const first = plans[0]?.row;
      if (!first) throw new RepoAbort({ code: 'validation_failed', issues: [{ path: ['aid'], code: 'aid_line_required' }] });
      const toAttach = h.attachments.map((a) => {
        const row = plans[a.aidIndex]?.row;
        if (!row)
          throw new RepoAbort({ code: 'validation_failed', issues: [{ path: ['attachments'], code: 'attachment_owner_mismatch' }] });
        return { file: a.file, owner: { table: 'aid' as const, id: row.id } };
      });
      const [sealed, attachments] = await Promise.all([
        Promise.all(plans.map((plan, i) => sealPlanned(ctx, plan, inputs[i]!, undefined, ['aid', i]))),
        prepareAttachments(ctx, first.recipientId, first.stationCode, toAttach),
      ]);
      return { sealed, attachments };
    },
    async (s, p) => {
      const [stored, attachmentsNow] = await Promise.all([
        s.table('aid').bulkGet(p.sealed.map((a) => a.input.id)),
        readAttachmentsNow(s, p.attachments),
        s.loadClock(),
      ]);
      if (stored.some((r) => r !== undefined)) s.fail({ code: 'write_failed', message: 'this aid is already stored' });
      const rows = p.sealed.map((a) => s.applyPrepared(a, undefined));
      await Promise.all([...rows, ...writePreparedAttachments(s, p.attachments, attachmentsNow), s.persistClock()]);
      return Promise.all(rows);
    },
  );
}
