import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoRows } from '../../shared/demo';
import type { YoufuDb } from './database';
import { type LoadProgress, loadNdjsonRows, ndjsonRows } from './demoLoader';
import { searchRecipients } from './queries/caseload';
import { searchWords } from './searchKeys';
import { newTestDb, recipientInput } from './testFixtures';

let db: YoufuDb;
beforeEach(() => {
  db = newTestDb();
});
afterEach(() => db.delete());

describe('loadNdjsonRows', () => {
  it('loads a generated data set through the codec in batches, without outbox or audit', async () => {
    const rows = [...generateDemoRows({ recipients: 40, seed: 7, scopePrefix: '440304001' })];
    const progress: LoadProgress[] = [];
    const result = await loadNdjsonRows(db, rows, { batchSize: 100, onProgress: (p) => progress.push(p) });
    expect(result.skippedSamples).toEqual([]);
    expect(result.rowsWritten).toBe(rows.length);
    expect(await db.recipients.count()).toBe(40);
    expect(await db.visits.count()).toBe(rows.filter((r) => r.table === 'visits').length);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.auditLocal.count()).toBe(0);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((p) => p.rowsWritten)).toEqual([...progress.map((p) => p.rowsWritten)].sort((a, b) => a - b));

    // Derived columns were added on the way in: the first loaded name is findable by its initials.
    const first = await db.codec.decode('recipients', (await db.recipients.limit(1).toArray())[0]!);
    const initials = searchWords(first.name).find((k) => /^[a-z]+$/.test(k) && k.length === [...first.name].length)!;
    expect((await searchRecipients(db, { text: initials }, 100)).map((r) => r.id)).toContain(first.id);
  });

  it('skips unknown tables and invalid rows and reports them', async () => {
    const good = { ...recipientInput('11111111-0000-4000-8000-000000000001'), rev: 3, updatedAt: '2026-01-01T00:00:00+08:00' };
    const result = await loadNdjsonRows(db, [
      { table: 'recipients', row: good },
      { table: 'recipients', row: { ...good, id: 'x' } },
      { table: 'secrets', row: {} },
    ]);
    expect(result.rowsWritten).toBe(1);
    expect(result.skipped).toBe(2);
    expect(result.skippedSamples[0]).toEqual({ table: 'recipients', issues: [{ path: ['id'], code: 'invalid_id' }] });
  });

  it('reads NDJSON from a byte stream split at arbitrary points', async () => {
    const text =
      '{"table":"stations","row":{"code":"4403","name":"深圳市","level":"city","parentCode":null}}\n\n' +
      '{"table":"stations","row":{"code":"440304","name":"福田区","level":"district","parentCode":"4403"}}\n';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7));
        c.close();
      },
    });
    const result = await loadNdjsonRows(db, ndjsonRows(stream));
    expect(result.byTable).toEqual({ stations: 2 });
    expect((await db.stations.get('440304'))?.name).toBe('福田区');
  });
});
