import type { PushRequest } from '../../shared/sync/protocol';

/**
 * Sizing push batches by the bytes of their JSON body, as the server's body limit counts them
 * (MAX_PUSH_BODY_BYTES). The body is `JSON.stringify(request)`: the envelope with an empty
 * mutation list, each mutation's own JSON and a comma between two, so its size is known exactly
 * from the parts without serialising every candidate batch.
 */
const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export type PushEnvelope = Omit<PushRequest, 'mutations'>;

/** Bytes of the request with no mutations (`…,"mutations":[]}`). */
export function envelopeBytes(envelope: PushEnvelope): number {
  const request: PushRequest = { ...envelope, mutations: [] };
  return utf8Bytes(JSON.stringify(request));
}

export function mutationBytes(m: PushRequest['mutations'][number]): number {
  return utf8Bytes(JSON.stringify(m));
}

/** Bytes of the request carrying `sizes[from]…sizes[from + count - 1]`. */
export function batchBytes(envelope: number, sizes: readonly number[], from: number, count: number): number {
  let total = envelope + Math.max(0, count - 1);
  for (let i = from; i < from + count; i++) total += sizes[i]!;
  return total;
}

/**
 * How many mutations from `from` on fit in `capBytes` (at most `maxCount`); 0 when the first one
 * alone does not.
 */
export function fitBatch(envelope: number, sizes: readonly number[], from: number, capBytes: number, maxCount: number): number {
  let total = envelope;
  let n = 0;
  for (let i = from; i < sizes.length && n < maxCount; i++) {
    const next = total + sizes[i]! + (n > 0 ? 1 : 0);
    if (next > capBytes) break;
    total = next;
    n++;
  }
  return n;
}
