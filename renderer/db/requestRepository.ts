import type { RequestStatus } from '../../shared/domain/enums';
import type { Request, RequestCallback } from '../../shared/domain/schemas';
import { type EntityInput, type RepoContext, type RepoResult, runWrite } from './repository';

/** open → in_progress → resolved | referred; resolved and referred are final. */
export const REQUEST_TRANSITIONS: { readonly [S in RequestStatus]: readonly RequestStatus[] } = {
  open: ['in_progress', 'resolved', 'referred'],
  in_progress: ['resolved', 'referred'],
  resolved: [],
  referred: [],
};

/**
 * A request from the help line or at the station (ones raised on a visit come from logVisit),
 * about a recipient of the caseload or, for a caller not identified yet, about nobody so far:
 * it then stays at the station that took it until linkRequestRecipient.
 */
export async function createRequest(ctx: RepoContext, input: EntityInput<'requests'>): Promise<RepoResult<Request>> {
  return runWrite(ctx, async (s) => {
    if (input.recipientId !== null) {
      const recipient = await s.require('recipients', input.recipientId);
      return s.put('requests', { ...input, stationCode: recipient.stationCode, status: 'open', closedAt: null, callback: null });
    }
    return s.put('requests', { ...input, status: 'open', closedAt: null, callback: null });
  });
}

/** The caller identified: the request joins that recipient's case file (and station). */
export async function linkRequestRecipient(ctx: RepoContext, id: string, recipientId: string): Promise<RepoResult<Request>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.require('requests', id);
    if (existing.recipientId !== null)
      s.fail({ code: 'validation_failed', issues: [{ path: ['recipientId'], code: 'request_already_linked' }] });
    const recipient = await s.require('recipients', recipientId);
    return s.update('requests', existing, { recipientId, stationCode: recipient.stationCode });
  });
}

/** What a call-back records; who called is the signed-in staff member. */
export type CallbackInput = Omit<RequestCallback, 'by'>;

/** 回访: the call back to whoever raised it, recorded (the latest one is kept on the request). */
export async function recordCallback(ctx: RepoContext, id: string, callback: CallbackInput): Promise<RepoResult<Request>> {
  return runWrite(ctx, async (s) => {
    const existing = await s.require('requests', id);
    if (existing.status === 'resolved' || existing.status === 'referred')
      s.fail({ code: 'request_transition_invalid', from: existing.status, to: existing.status });
    return s.update('requests', existing, { callback: { ...callback, by: ctx.actor.staffId } });
  });
}

export type RequestTransition =
  | { to: 'in_progress'; assigneeId?: string | null }
  /** Resolving needs a call-back: the one given here, or one recorded before. */
  | { to: 'resolved'; resolution: string; callback?: CallbackInput }
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
      case 'resolved': {
        if (t.resolution.trim() === '')
          s.fail({ code: 'validation_failed', issues: [{ path: ['resolution'], code: 'request_resolution_required' }] });
        const callback = t.callback ? { ...t.callback, by: ctx.actor.staffId } : (existing.callback ?? null);
        if (callback === null) s.fail({ code: 'validation_failed', issues: [{ path: ['callback'], code: 'request_callback_required' }] });
        return s.update('requests', existing, { status: 'resolved', resolution: t.resolution, callback, closedAt: s.nowIso() });
      }
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
