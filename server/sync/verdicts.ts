import { createHash } from 'node:crypto';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { MAX_PUSH_MUTATIONS } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';
import { toNumber } from '../db/db';

/**
 * Each mutation's first answer, kept per client (migration 005), so that a batch retried after
 * its answer was lost hears the same verdict again: a rejected edit stays rejected on the
 * device instead of being dropped as "duplicate".
 *
 * Retention: the newest VERDICTS_KEPT per client, whatever their age. A client sends one batch
 * at a time and removes what an answer covers before it sends the next, so only the last batch
 * it sent can ever be replayed; it can hold that batch for as long as it stays offline, hence
 * a count and not an age. Twice the largest batch leaves room for a batch split differently on
 * its retry. Storage is bounded by the number of devices.
 */
export const VERDICTS_KEPT = 2 * MAX_PUSH_MUTATIONS;

export interface Verdict {
  seq: number;
  fingerprint: string;
  result: MutationResult;
}

export interface KnownVerdicts {
  byId: ReadonlyMap<string, Verdict>;
  /** The mutation id answered at each seq. */
  bySeq: ReadonlyMap<number, string>;
  /** The lowest seq still kept for the client, or null when none is: below it nothing can be told. */
  floor: number | null;
}

/** A piece of JSON text to hash as it is, among the values still to walk. */
class Token {
  constructor(readonly text: string) {}
}

/**
 * SHA-256 of the canonical JSON of `root` (object keys sorted), walked with an explicit stack:
 * a value nested thousands deep is hashed (and then refused by the field checks) instead of
 * overflowing the call stack.
 */
function canonicalHash(root: unknown): string {
  const hash = createHash('sha256');
  const work: unknown[] = [root];
  while (work.length > 0) {
    const item = work.pop();
    if (item instanceof Token) {
      hash.update(item.text);
    } else if (Array.isArray(item)) {
      hash.update('[');
      work.push(new Token(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        work.push(item[i] as unknown);
        if (i > 0) work.push(new Token(','));
      }
    } else if (item !== null && typeof item === 'object') {
      const obj = item as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      hash.update('{');
      work.push(new Token('}'));
      for (let i = keys.length - 1; i >= 0; i--) {
        work.push(obj[keys[i]!]);
        work.push(new Token(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`));
      }
    } else {
      hash.update(JSON.stringify(item) ?? 'null');
    }
  }
  return hash.digest('hex');
}

/**
 * What makes a replay the same mutation: everything but the HLC, which the client re-stamps
 * when it repairs a clock that ran ahead (renderer/sync/clockRepair.ts) without changing the edit.
 */
export function fingerprint(m: Mutation): string {
  return canonicalHash([m.seq, m.table, m.rowId, m.op, m.baseRev, m.fields]);
}

/** The verdicts already given to this client for the batch's ids and seqs, in one query. */
export async function loadVerdicts(tx: Queryable, clientId: string, mutations: readonly Mutation[]): Promise<KnownVerdicts> {
  const rows = await tx.query<{ mutation_id: string | null; seq: unknown; fingerprint: string | null; result: MutationResult | null }>(
    `SELECT mutation_id, seq, fingerprint, result FROM push_verdicts
     WHERE client_id = $1 AND (mutation_id IN (SELECT jsonb_array_elements_text($2::jsonb))
       OR seq IN (SELECT (jsonb_array_elements_text($3::jsonb))::bigint))
     UNION ALL
     SELECT NULL, min(seq), NULL, NULL FROM push_verdicts WHERE client_id = $1`,
    [clientId, JSON.stringify(mutations.map((m) => m.id)), JSON.stringify(mutations.map((m) => m.seq))],
  );
  const byId = new Map<string, Verdict>();
  const bySeq = new Map<number, string>();
  let floor: number | null = null;
  for (const r of rows) {
    if (r.mutation_id === null) {
      floor = r.seq === null ? null : toNumber(r.seq);
      continue;
    }
    const seq = toNumber(r.seq);
    byId.set(r.mutation_id, { seq, fingerprint: r.fingerprint!, result: r.result! });
    bySeq.set(seq, r.mutation_id);
  }
  return { byId, bySeq, floor };
}

export interface NewVerdict {
  mutationId: string;
  seq: number;
  fingerprint: string;
  result: MutationResult;
}

/** Stores the batch's new verdicts (one statement) and trims the client's to the newest VERDICTS_KEPT. */
export async function saveVerdicts(tx: Queryable, clientId: string, verdicts: readonly NewVerdict[], now: Date): Promise<void> {
  if (verdicts.length === 0) return;
  await tx.query(
    `INSERT INTO push_verdicts (client_id, mutation_id, seq, fingerprint, result, created_at)
     SELECT $1, v.mutation_id, v.seq, v.fingerprint, v.result, $3
     FROM jsonb_to_recordset($2::jsonb) AS v (mutation_id text, seq bigint, fingerprint text, result jsonb)`,
    [
      clientId,
      JSON.stringify(verdicts.map((v) => ({ mutation_id: v.mutationId, seq: v.seq, fingerprint: v.fingerprint, result: v.result }))),
      now,
    ],
  );
  await tx.query(
    `DELETE FROM push_verdicts WHERE client_id = $1
       AND seq <= (SELECT seq FROM push_verdicts WHERE client_id = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1)`,
    [clientId, VERDICTS_KEPT],
  );
}
