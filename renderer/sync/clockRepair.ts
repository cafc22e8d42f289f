import { MAX_CLOCK_DRIFT_MS, decodeHlc, encodeHlc, tickHlc, type Hlc } from '../../shared/sync/hlc';
import type { YoufuDb } from '../db/handle';
import { outboxTransaction } from '../db/outboxRepository';

/**
 * After a wrong computer clock is put right, the edits made meanwhile still carry timestamps
 * from the wrong future, and the server would refuse them (`clock_skew`) until that future
 * arrived. Before each push, such timestamps are re-stamped from the corrected clock, in seq
 * order, so the edits keep their relative order; the persisted clock is reset with them.
 * Returns how many mutations were re-stamped.
 */
export async function restampFutureHlcs(db: YoufuDb, nowMs: number, maxDriftMs = MAX_CLOCK_DRIFT_MS): Promise<number> {
  return outboxTransaction(db, ['syncState'], async ({ outbox, syncState }) => {
    const limit = nowMs + maxDriftMs;
    const stored = await syncState.get('hlc');
    const last = stored === undefined ? null : decodeHlc(stored);
    const entries = await outbox.all();
    const future = entries.filter((e) => (decodeHlc(e.hlc)?.millis ?? Infinity) > limit);
    if (future.length === 0 && (last === null || last.millis <= limit)) return 0;

    // Restart the clock just after the newest sane timestamp (or now), never in the future.
    const sane = entries.map((e) => decodeHlc(e.hlc)).filter((h): h is Hlc => h !== null && h.millis <= limit);
    const node = last?.node ?? decodeHlc(entries[0]?.hlc ?? '')?.node ?? 'client';
    let clock: Hlc = sane.reduce<Hlc>((a, h) => (encodeHlc(h) > encodeHlc(a) ? { ...h, node } : a), { millis: 0, counter: 0, node });
    for (const e of future) {
      clock = tickHlc(clock, nowMs);
      await outbox.setHlc(e.seq, encodeHlc(clock));
    }
    await syncState.put('hlc', encodeHlc(clock.millis > nowMs ? clock : { ...clock, millis: nowMs, counter: 0 }));
    return future.length;
  });
}
