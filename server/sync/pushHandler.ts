import type { Mutation, MutationResult, PushRequest, PushResponse, RejectReason } from '../../shared/sync/protocol';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { decodeHlc, isTooFarAhead, MAX_CLOCK_DRIFT_MS } from '../../shared/sync/hlc';
import type { Session } from '../auth/tokens';
import type { Db } from '../db/db';
import { toNumber } from '../db/db';
import { ApiError } from '../errors';
import { scopesOf } from '../scope';
import { applyMutation } from './applyMutation';
import { SeqAllocator } from './rowStore';
import type { KnownVerdicts, NewVerdict } from './verdicts';
import { fingerprint, loadVerdicts, saveVerdicts } from './verdicts';

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
    throw new ApiError(
      'protocol_version_unsupported',
      `this server speaks sync protocol ${PROTOCOL_VERSION}, the app sent ${req.protocolVersion}; update the app`,
    );
  }
  if (!SUPPORTED_SCHEMA_VERSIONS.includes(req.schemaVersion)) {
    throw new ApiError(
      'schema_version_unsupported',
      `this server accepts data schema ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}, the app sent ${req.schemaVersion}; update the app`,
    );
  }
  // Results are keyed by mutation id and applied in seq order: a batch naming either twice is malformed.
  const ids = new Set<string>();
  const seqs = new Set<number>();
  for (const m of req.mutations) {
    if (ids.has(m.id)) throw new ApiError('validation_failed', `mutation ${m.id} appears twice in the batch; each mutation is sent once`);
    if (seqs.has(m.seq)) throw new ApiError('validation_failed', `seq ${m.seq} appears twice in the batch; each mutation has its own seq`);
    ids.add(m.id);
    seqs.add(m.seq);
  }
  for (const m of req.mutations) {
    if (decodeHlc(m.hlc) === null) throw new ApiError('validation_failed', `mutation ${m.id}: malformed hlc`);
    if (isTooFarAhead(m.hlc, now.getTime(), maxDrift)) {
      throw new ApiError(
        'clock_skew',
        `this computer's clock is ahead of the server's by more than ${Math.round(maxDrift / 60000)} minutes; set the correct date and time, then sync again`,
      );
    }
  }
}

function rejected(m: Mutation, reason: RejectReason, detail: string): MutationResult {
  return { id: m.id, status: 'rejected', reason, detail };
}

/**
 * The answer to a mutation at or below the client's lastSeq, which the server has seen before
 * (a retry after a lost answer) unless the seq was used again for something else.
 */
function answerSeen(m: Mutation, fp: string, known: KnownVerdicts): MutationResult {
  const v = known.byId.get(m.id);
  if (v !== undefined) {
    if (v.seq === m.seq && v.fingerprint === fp) return { ...v.result, id: m.id, replayed: true };
    return rejected(m, 'mutation_id_reused', 'this mutation id was already answered for other content');
  }
  // A seq the client used for another mutation, or one it skipped, inside what the server keeps.
  if (known.bySeq.has(m.seq) || (known.floor !== null && m.seq >= known.floor)) {
    return rejected(m, 'seq_reused', `seq ${m.seq} is at or below lastSeq and was not this mutation's`);
  }
  // Older than what the server keeps (VERDICTS_KEPT): a replay, as far as anyone can tell.
  return { id: m.id, status: 'duplicate' };
}

/** `POST /api/v1/sync/push`, the request already validated (pushRequestSchema). */
export async function handlePush(deps: PushDeps, session: Session, req: PushRequest): Promise<PushResponse> {
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
      throw new ApiError('forbidden_scope', 'this clientId belongs to another account; each account keeps its own local database');
    }
    let last = toNumber(state.last_seq);
    const byId = new Map<string, MutationResult>();
    const known = await loadVerdicts(tx, req.clientId, req.mutations);
    const verdicts: NewVerdict[] = [];
    // In seq order, whatever order they travel in; a seq at or below last_seq was seen before.
    const ordered = [...req.mutations].sort((a, b) => a.seq - b.seq);
    const fresh = ordered.filter((m) => m.seq > last);
    // The counter row is taken before any row lock, always in that order: no deadlocks.
    const seqs = fresh.length > 0 ? await SeqAllocator.begin(tx) : null;
    for (const m of ordered) {
      const fp = fingerprint(m);
      if (m.seq <= last || seqs === null) {
        byId.set(m.id, answerSeen(m, fp, known));
        continue;
      }
      let result: MutationResult;
      if (known.byId.has(m.id)) {
        // Its first verdict stays the one kept: this one is answered, not stored.
        result = rejected(m, 'mutation_id_reused', 'this mutation id was already answered for another seq');
      } else {
        result =
          decodeHlc(m.hlc)?.node === req.clientId
            ? await applyMutation({ tx, session, scopes, clientId: req.clientId, seqs, now }, m)
            : rejected(m, 'hlc_foreign_node', 'hlc: its node must be the pushing clientId');
        verdicts.push({ mutationId: m.id, seq: m.seq, fingerprint: fp, result });
      }
      byId.set(m.id, result);
      last = m.seq;
    }
    await seqs?.finish(tx);
    await saveVerdicts(tx, req.clientId, verdicts, now);
    await tx.query('UPDATE client_state SET last_seq = $2, updated_at = $3 WHERE client_id = $1', [req.clientId, last, now]);
    return { lastSeq: last, results: req.mutations.map((m) => byId.get(m.id)!) };
  });
  return { lastSeq, results, serverTime: now.toISOString() };
}
