import type { RequestStatus } from '../../shared/domain/enums';
import type { Request } from '../../shared/domain/schemas';
import { type EntityInput, type RepoContext, type RepoResult, runWrite } from './repository';

/** open → in_progress → resolved | referred; resolved and referred are final. */
export const REQUEST_TRANSITIONS: { readonly [S in RequestStatus]: readonly RequestStatus[] } = {
  open: ['in_progress', 'resolved', 'referred'],
  in_progress: ['resolved', 'referred'],
  resolved: [],
  referred: [],
};

/** A request from the help line or at the station; ones raised on a visit come from logVisit. */
export async function createRequest(ctx: RepoContext, input: EntityInput<'requests'>): Promise<RepoResult<Request>> {
  return runWrite(ctx, (s) => s.put('requests', { ...input, status: 'open', closedAt: null }));
}

export type RequestTransition =
  | { to: 'in_progress'; assigneeId?: string | null }
  | { to: 'resolved'; resolution: string }
  | { to: 'referred'; referredTo: string; resolution?: string };

/**
 * Moves a request along its workflow. A transition the workflow does not allow is refused
 * (`request_transition_invalid`); closing stamps `closedAt`; resolving needs a resolution and
 * referring needs the station it goes up to.
 */
export async function transitionRequest(ctx: RepoContext, id: string, t: RequestTransition): Promise<RepoResult<Request>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.require('requests', id);
    if (!REQUEST_TRANSITIONS[existing.status].includes(t.to)) {
      s.fail({ code: 'request_transition_invalid', from: existing.status, to: t.to });
    }
    switch (t.to) {
      case 'in_progress':
        return s.patch('requests', id, {
          status: 'in_progress',
          assigneeId: t.assigneeId === undefined ? existing.assigneeId : t.assigneeId,
        });
      case 'resolved':
        if (t.resolution.trim() === '')
          s.fail({ code: 'validation_failed', issues: [{ path: ['resolution'], code: 'request_resolution_required' }] });
        return s.patch('requests', id, { status: 'resolved', resolution: t.resolution, closedAt: s.nowIso() });
      case 'referred':
        return s.patch('requests', id, {
          status: 'referred',
          referredTo: t.referredTo,
          resolution: t.resolution ?? existing.resolution,
          closedAt: s.nowIso(),
        });
    }
  });
}

/** Changes who follows up an open or in-progress request. */
export async function assignRequest(ctx: RepoContext, id: string, assigneeId: string | null): Promise<RepoResult<Request>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.require('requests', id);
    if (REQUEST_TRANSITIONS[existing.status].length === 0)
      s.fail({ code: 'request_transition_invalid', from: existing.status, to: existing.status });
    return s.patch('requests', id, { assigneeId });
  });
}
