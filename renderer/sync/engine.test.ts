import { describe, expect, it } from 'vitest';
import { generateDemoRows } from '../../shared/demo/generator';
import type { Change, PullResponse } from '../../shared/sync/protocol';
import { idSequence, newTestDb } from '../db/testFixtures';
import { recordCounts } from '../db/queries/settings';
import { readSyncState } from '../db/syncStateRepository';
import { SyncEngine } from './engine';
import { type SyncTransport, type TransportResult, syncError } from './transport';

/**
 * The engine's pull loop against a scripted transport: one recipient per page, cursors 10, 20,
 * 30. What happens (requests, pages applied) is written to one ordered log.
 */
const recipients = [...generateDemoRows({ recipients: 3, seed: 5, history: false })].flatMap((r) =>
  r.table === 'recipients' ? [r.row] : [],
);

function pageAt(cursor: number): PullResponse {
  const i = cursor / 10;
  const r = recipients[i]!;
  const change: Change = { table: 'recipients', rowId: r.id, rev: 1, op: 'upsert', row: { ...r, rev: 1 } };
  return {
    changes: [change],
    cursor: cursor + 10,
    hasMore: i < recipients.length - 1,
    remaining: recipients.length - 1 - i,
    serverTime: new Date().toISOString(),
  };
}

function scripted(log: string[], fail: (cursor: number) => 'ok' | 'error' | 'throw'): SyncTransport {
  return {
    push: () => Promise.reject(new Error('not used: the outbox is empty')),
    async pull(cursor): Promise<TransportResult<PullResponse>> {
      log.push(`pull ${cursor}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const how = fail(cursor);
      if (how === 'throw') throw new Error('socket hang up');
      if (how === 'error') return { ok: false, error: syncError('network', 'cable pulled') };
      return { ok: true, value: pageAt(cursor) };
    },
  };
}

function engineWith(transport: SyncTransport, log: string[]) {
  const db = newTestDb();
  const engine = new SyncEngine({
    db,
    transport,
    newId: idSequence('c'),
    onProgress: (p) => {
      if (p.phase === 'pull') log.push(`applied ${p.done}/${p.total}`);
    },
  });
  return { db, engine };
}

describe('SyncEngine pull', () => {
  it('asks for the next page while it writes the current one, and completes the bar', async () => {
    const log: string[] = [];
    const { db, engine } = engineWith(
      scripted(log, () => 'ok'),
      log,
    );
    const out = await engine.sync();
    expect(out).toMatchObject({ ok: true, report: { pulled: 3 } });
    // Page 2 is requested before page 1 is written; nothing is requested past the last page.
    expect(log).toEqual(['pull 0', 'pull 10', 'applied 1/3', 'pull 20', 'applied 2/3', 'applied 3/3']);
    expect((await recordCounts(db)).recipients).toBe(3);
    expect(await readSyncState(db, 'cursor')).toBe(30);
  });

  it('keeps the cursor of the last page written when a request sent ahead fails, and resumes there', async () => {
    const log: string[] = [];
    let broken = true;
    const { db, engine } = engineWith(
      scripted(log, (c) => (c === 20 && broken ? 'error' : 'ok')),
      log,
    );
    const first = await engine.sync();
    expect(first).toMatchObject({ ok: false, error: { code: 'network' }, report: { pulled: 2 } });
    expect((await recordCounts(db)).recipients).toBe(2);
    expect(await readSyncState(db, 'cursor')).toBe(20);

    broken = false;
    log.length = 0;
    const second = await engine.sync();
    expect(second).toMatchObject({ ok: true, report: { pulled: 1 } });
    expect(log[0]).toBe('pull 20');
    expect((await recordCounts(db)).recipients).toBe(3);
  });

  it('rejects the round when a transport throws on a request sent ahead, with the pages before it kept', async () => {
    const log: string[] = [];
    const { db, engine } = engineWith(
      scripted(log, (c) => (c === 10 ? 'throw' : 'ok')),
      log,
    );
    await expect(engine.sync()).rejects.toThrow('socket hang up');
    expect((await recordCounts(db)).recipients).toBe(1);
    expect(await readSyncState(db, 'cursor')).toBe(10);
  });
});
