import type { Signoff, SignoffFigures } from '../../shared/domain/schemas';
import { type RepoContext, type RepoResult, runWrite } from './repository';

export interface SignoffInput {
  /** The district (or the city) signed for. */
  stationCode: string;
  /** Monday of the week. */
  weekStart: string;
  comment: string;
  figures: SignoffFigures;
}

/**
 * Signs a week's review: the sign-off row, its outbox mutation and the audit entry in one
 * transaction (runWrite). A week is signed once per station: a second attempt is refused with
 * `signoff_exists` and writes nothing. The signer is the acting account.
 */
export async function signOffWeek(ctx: RepoContext, input: SignoffInput): Promise<RepoResult<Signoff>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.query('signoffs', (t) =>
      t.where('[stationCode+weekStart]').equals([input.stationCode, input.weekStart]).toArray(),
    );
    if (existing.length > 0) s.fail({ code: 'validation_failed', issues: [{ path: ['weekStart'], code: 'signoff_exists' }] });
    return s.put('signoffs', {
      id: ctx.newId(),
      stationCode: input.stationCode,
      weekStart: input.weekStart,
      comment: input.comment.trim(),
      signedBy: ctx.actor.staffId,
      signedByName: ctx.actor.name,
      signedAt: s.nowIso(),
      figures: input.figures,
    });
  });
}
