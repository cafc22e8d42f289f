import type { RepoContext, RepoResult } from '../../db/repository';
import type { VisitSubmission } from './visitSubmission';

/** Saves a visit with its aid, needs and the occurrence it fulfils in one repository transaction. */
export async function saveVisit(_ctx: RepoContext, _submission: VisitSubmission): Promise<RepoResult<{ visitId: string }>> {
  await Promise.resolve();
  return { ok: false, error: { code: 'write_failed', message: 'visitRepository not available yet' } };
}
