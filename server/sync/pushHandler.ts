import type { MutationResult, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { PROTOCOL_VERSION, pushRequestSchema } from '../../shared/sync/protocol';
import { decodeHlc, isTooFarAhead, MAX_CLOCK_DRIFT_MS } from '../../shared/sync/hlc';
import type { Session } from '../auth/tokens';
import type { Db } from '../db/db';
import { toNumber } from '../db/db';
import { ApiError, parseOr400 } from '../errors';
import { scopesOf } from '../scope';
import { applyMutation } from './applyMutation';
import { SeqAllocator } from './rowStore';

/** The shared/domain schema versions this server can merge and validate. */
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1];

export interface PushDeps {
  db: Db;
  now: () => Date;
  maxClockDriftMs?: number;
}

/**
 * Checks that concern the whole batch. They answer with an error and apply nothing, so the
 * client keeps its outbox and can retry once the cause (an old app, a wrong clock) is fixed.
 */
function checkBatch(req: PushRequest, now: Date, maxDrift: number): void {
  if (req.protocolVersion !== PROTOCOL_VERSION) {
    throw new ApiError(400, 'protocol_version_unsupported', `this server speaks sync protocol ${PROTOCOL_VERSION}, the app sent ${req.protocolVersion}; update the app`);
  }
  if (!SUPPORTED_SCHEMA_VERSIONS.includes(req.schemaVersion)) {
    throw new ApiError(400, 'schema_version_unsupported', `this server accepts data schema ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}, the app sent ${req.schemaVersion}; update the app`);
  }
  for (const m of req.mutations) {
    if (decodeHlc(m.hlc) === null) throw new ApiError(400, 'validation_failed', `mutation ${m.id}: malformed hlc`);
    if (isTooFarAhead(m.hlc, now.getTime(), maxDrift)) {
      throw new ApiError(409, 'clock_skew', `this computer's clock is ahead of the server's by more than ${Math.round(maxDrift / 60000)} minutes; set the correct date and time, then sync again`);
    }
  }
}

export async function handlePush(deps: PushDeps, session: Session, body: unknown): Promise<PushResponse> {
  const req = parseOr400(pushRequestSchema, body);
  const now = deps.now();
  checkBatch(req, now, deps.maxClockDriftMs ?? MAX_CLOCK_DRIFT_MS);
  const scopes = scopesOf(session.account);

  const { lastSeq, results } = await deps.db.transaction(async (tx) => {
    // One client pushes one batch at a time: its state row serialises retries that overlap.
    await tx.query(
      'INSERT INTO client_state (client_id, account_id, last_seq, updated_at) VALUES ($1, $2, 0, $3) ON CONFLICT (client_id) DO NOTHING',
      [req.clientId, session.account.id, now],
    );
    const [state] = await tx.query<{ account_id: string; last_seq: unknown }>(
      'SELECT account_id, last_seq FROM client_state WHERE client_id = $1 FOR UPDATE',
      [req.clientId],
    );
    if (!state || state.account_id !== session.account.id) {
      throw new ApiError(403, 'forbidden_scope', 'this clientId belongs to another account; each account keeps its own local database');
    }
    let last = toNumber(state.last_seq);
    const byId = new Map<string, MutationResult>();
    // In seq order, whatever order they travel in; a seq at or below last_seq was applied before.
    const ordered = [...req.mutations].sort((a, b) => a.seq - b.seq);
    const fresh = ordered.filter((m) => m.seq > last);
    // The counter row is taken before any row lock, always in that order: no deadlocks.
    const seqs = fresh.length > 0 ? await SeqAllocator.begin(tx) : null;
    for (const m of ordered) {
      if (m.seq <= last || seqs === null) {
        byId.set(m.id, { id: m.id, status: 'duplicate' });
        continue;
      }
      byId.set(m.id, await applyMutation({ tx, session, scopes, clientId: req.clientId, seqs, now }, m));
      last = m.seq;
    }
    await seqs?.finish(tx);
    await tx.query('UPDATE client_state SET last_seq = $2, updated_at = $3 WHERE client_id = $1', [req.clientId, last, now]);
    return { lastSeq: last, results: req.mutations.map((m) => byId.get(m.id)!) };
  });
  return { lastSeq, results, serverTime: now.toISOString() };
}
