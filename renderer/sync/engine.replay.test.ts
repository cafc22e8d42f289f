import { describe, expect, it } from 'vitest';
import type { Change, MutationResult, PullResponse, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { updateRecipient } from '../db/recipientRepository';
import { applyRemoteChanges } from '../db/repository';
import { countOutbox } from '../db/outboxRepository';
import { recipientById } from '../db/queries/recipient';
import { newTestDb, recipientInput, testContext } from '../db/testFixtures';
import { SyncEngine, readSyncStatus } from './engine';
import { type SyncTransport, type TransportResult, syncError } from './transport';

const KEPT = '11111111-0000-4000-8000-00000000000a';
const MOVED = '11111111-0000-4000-8000-00000000000b';
const T0 = '2026-11-28T09:00:00+08:00';

function pulled(id: string, over: Record<string, unknown> = {}): Change {
  return { table: 'recipients', rowId: id, rev: 1, op: 'upsert', row: { ...recipientInput(id), ...over, rev: 1, updatedAt: T0 } };
}

/**
 * A server as issue 13 #10 asks for it: each mutation's verdict is kept by id and a replayed
 * push (seq at or below lastSeq) is answered with it. Meanwhile a supervisor has moved MOVED out
 * of this caseworker's scope, so an edit of it is refused, and the next pull takes the row away.
 * The answer to the first push never arrives.
 */
function replayingServer(): SyncTransport & { answersLost: number; replayed: MutationResult[] } {
  let lastSeq = 0;
  let answers = 0;
  const verdicts = new Map<string, MutationResult>();
  const server = {
    answersLost: 0,
    replayed: [] as MutationResult[],
    push(req: PushRequest): Promise<TransportResult<PushResponse>> {
      const results = req.mutations.map((m): MutationResult => {
        const kept = verdicts.get(m.id);
        if (m.seq <= lastSeq && kept) {
          server.replayed.push(kept);
          return kept;
        }
        const verdict: MutationResult =
          m.rowId === MOVED
            ? { id: m.id, status: 'rejected', reason: 'forbidden_scope', detail: 'stationCode: parent_out_of_scope' }
            : { id: m.id, status: 'applied', rev: 2 };
        verdicts.set(m.id, verdict);
        lastSeq = Math.max(lastSeq, m.seq);
        return verdict;
      });
      answers += 1;
      if (answers === 1) {
        server.answersLost += 1;
        return Promise.resolve({ ok: false, error: syncError('network', 'the answer was lost on the way back') });
      }
      return Promise.resolve({ ok: true, value: { lastSeq, results, serverTime: new Date().toISOString() } });
    },
    pull(cursor: number): Promise<TransportResult<PullResponse>> {
      // The moved row leaves this scope as a tombstone.
      const changes: Change[] = cursor === 0 ? [{ table: 'recipients', rowId: MOVED, rev: 3, op: 'delete', row: null }] : [];
      return Promise.resolve({
        ok: true,
        value: { changes, cursor: 5, hasMore: false, remaining: 0, serverTime: new Date().toISOString() },
      });
    },
  };
  return server;
}

describe('SyncEngine: a refused edit whose first answer was lost', () => {
  it('is listed per record with its reason and fields, like a live rejection, before the pull takes the row away', async () => {
    const db = newTestDb();
    const ctx = testContext(db);
    await applyRemoteChanges(db, [pulled(KEPT), pulled(MOVED)]);
    expect((await updateRecipient(ctx, KEPT, { address: '园岭新村 3 栋 501' })).ok).toBe(true);
    expect((await updateRecipient(ctx, MOVED, { address: '百花二路 9 号', tags: ['独居'] })).ok).toBe(true);
    const server = replayingServer();
    const engine = new SyncEngine({ db, transport: server, newId: () => 'c1c1c1c1-0000-4000-8000-000000000001' });

    // The server judged both edits, but the answer was lost: nothing is settled yet.
    const first = await engine.sync();
    expect(first).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(await countOutbox(db)).toBe(2);
    expect((await readSyncStatus(db)).rejected).toEqual([]);

    // The retry is a replay: the original verdicts come back, the refusal among them.
    const second = await engine.sync();
    expect(second).toMatchObject({ ok: true, report: { pushed: 2, rejected: 1 } });
    expect(server.replayed.map((r) => r.status).sort()).toEqual(['applied', 'rejected']);
    expect(await countOutbox(db)).toBe(0);

    const status = await readSyncStatus(db);
    expect(status.rejected).toHaveLength(1);
    const [refused] = status.rejected;
    expect(refused).toMatchObject({
      table: 'recipients',
      rowId: MOVED,
      reason: 'forbidden_scope',
      detail: 'stationCode: parent_out_of_scope',
    });
    // Which of the user's edits was refused: the Sync page names the fields.
    expect(refused?.fields?.sort()).toEqual(['address', 'tags']);
    expect(refused?.created).toBe(false);
    // The pull that followed took the row (and the refused edit on it) away: the list is what is left to tell.
    expect(await recipientById(db, MOVED)).toBeNull();
    expect(await recipientById(db, KEPT)).not.toBeNull();
  });
});
