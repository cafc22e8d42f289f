import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMUNITY_CODE, DEMO_TODAY, generateDemoRows } from '../../shared/demo';
import { attachmentSchema } from '../../shared/domain/schemas';
import { writeLedger } from '../../shared/ledger';
import type { Db } from '../../server/db/db';
import type { EntityDemoRow } from '../../server/demo/loadDemo';
import { writeDemoBatch } from '../../server/demo/loadDemo';
import { loadLedgerData } from '../../server/ledger/ledgerStore';
import { testBackends } from '../support/databases';
import { attachmentFields } from '../support/fixtures';
import { readXlsx, sheetRecords } from '../support/xlsxReader';

const NOW = new Date('2026-11-28T04:00:00Z');

/**
 * The server's ledger export (`npm run ledger -- export`) from its own rows: the evidence count
 * of issue 15 comes from the attachment rows of the scope, withdrawn ones left out.
 */
describe.each(testBackends())('server ledger export on $name', (backend) => {
  let db: Db;
  let drop: () => Promise<void>;
  const photographed = new Map<string, number>();

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    const rows: EntityDemoRow[] = [];
    let i = 0;
    for (const r of generateDemoRows({ recipients: 120, seed: 5, today: DEMO_TODAY })) {
      if (r.table === 'stations') continue;
      rows.push(r);
      if (r.table !== 'visits' || i++ % 4 !== 0) continue;
      const v = r.row;
      const photo = (n: number, over: Record<string, unknown> = {}) =>
        attachmentSchema.parse({
          id: randomUUID(),
          ...attachmentFields(
            v.recipientId,
            v.stationCode,
            { table: 'visits', id: v.id },
            new TextEncoder().encode(`${v.id}/${n}`),
            v.staffIds[0]!,
            over,
          ),
        });
      rows.push(
        { table: 'attachments', row: photo(1) },
        { table: 'attachments', row: photo(2, { withdrawn: true, withdrawReason: '拍错了' }) },
      );
      photographed.set(v.id, 1);
    }
    await writeDemoBatch(db, rows, NOW);
  }, 120_000);

  afterAll(async () => drop());

  it('gives each visit its count of attachments not withdrawn', async () => {
    const data = await loadLedgerData(db, DEMO_COMMUNITY_CODE);
    const records = Object.fromEntries(
      readXlsx(await writeLedger(data, { scope: DEMO_COMMUNITY_CODE, fullIdNumbers: false })).map((s) => [s.name, sheetRecords(s)]),
    );
    const visits = records['走访记录']!;
    expect(visits.length).toBe(data.visits.length);
    let withEvidence = 0;
    for (const v of visits) {
      const n = Number(v['附件数'] ?? 0);
      expect(n, String(v['记录编号'])).toBe(photographed.get(String(v['记录编号'])) ?? 0);
      withEvidence += n;
    }
    expect(withEvidence).toBeGreaterThan(0);
    // Only the scope's attachments were read.
    expect(data.attachments.every((a) => data.visits.some((v) => v.id === a.ownerId))).toBe(true);
  });
});
