import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_COMMUNITY_CODE, DEMO_TODAY, generateDemoRows } from '../../../shared/demo';
import { parseLedger, planCounts, writeLedger } from '../../../shared/ledger';
import type { YoufuDb } from '../../db/handle';
import { loadNdjsonRows } from '../../db/demoLoader';
import { newTestDb, testContext } from '../../db/testFixtures';
import { loadLocalLedgerData, planLocalImport, writeLocalImport } from './localLedger';

/** The app's import on fake-indexeddb: one transaction through the repositories, outbox included. */
let source: YoufuDb;
let target: YoufuDb;
beforeEach(() => {
  source = newTestDb();
  target = newTestDb();
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

const ACTOR = '00000000-0000-4000-8000-00000000d003';

describe('ledger import into the local database', () => {
  it('imports a clean file once: a second import of the same file creates nothing and queues nothing', async () => {
    const rows = [...generateDemoRows({ recipients: 12, seed: 4, today: DEMO_TODAY, scopePrefix: DEMO_COMMUNITY_CODE })];
    await loadNdjsonRows(source, rows);
    const bytes = await writeLedger(await loadLocalLedgerData(source, DEMO_COMMUNITY_CODE), {
      scope: DEMO_COMMUNITY_CODE,
      fullIdNumbers: true,
    });
    // The target knows the staff roster, as a synced device does.
    await loadNdjsonRows(
      target,
      rows.filter((r) => r.table === 'staff' || r.table === 'stations'),
    );

    const parsed = await parseLedger(bytes);
    const options = { scope: DEMO_COMMUNITY_CODE, actorStaffId: ACTOR, now: new Date('2026-11-28T03:00:00Z') };
    const first = await planLocalImport(target, parsed, options);
    expect(first.errors).toEqual([]);
    const written = await writeLocalImport(testContext(target), first);
    expect(written).toEqual({ ok: true, value: planCounts(first).create });

    const recipientsInFile = rows.filter((r) => r.table === 'recipients').length;
    expect(await target.recipients.count()).toBe(recipientsInFile);
    expect(await target.visits.count()).toBe(rows.filter((r) => r.table === 'visits').length);
    const outbox = await target.outbox.count();
    expect(outbox).toBe(planCounts(first).create);

    const second = await planLocalImport(target, parsed, options);
    expect(planCounts(second)).toEqual({ create: 0, update: 0, unchanged: planCounts(first).create });
    expect(await writeLocalImport(testContext(target), second)).toEqual({ ok: true, value: 0 });
    expect(await target.recipients.count()).toBe(recipientsInFile);
    expect(await target.outbox.count()).toBe(outbox);
  });

  it('writes nothing at all when one row of the plan fails inside the transaction', async () => {
    const rows = [...generateDemoRows({ recipients: 5, seed: 2, today: DEMO_TODAY, scopePrefix: DEMO_COMMUNITY_CODE })];
    await loadNdjsonRows(source, rows);
    const parsed = await parseLedger(
      await writeLedger(await loadLocalLedgerData(source, DEMO_COMMUNITY_CODE), { scope: DEMO_COMMUNITY_CODE, fullIdNumbers: true }),
    );
    const plan = await planLocalImport(target, parsed, {
      scope: DEMO_COMMUNITY_CODE,
      actorStaffId: ACTOR,
      now: new Date('2026-11-28T03:00:00Z'),
    });
    // Spoil the last row to be written: the whole transaction must roll back.
    const lastRequest = plan.tables.requests.create.at(-1)!;
    plan.tables.requests.create[plan.tables.requests.create.length - 1] = { ...lastRequest, description: '' };
    const result = await writeLocalImport(testContext(target), plan);
    expect(result.ok).toBe(false);
    expect(await target.recipients.count()).toBe(0);
    expect(await target.outbox.count()).toBe(0);
    expect(await target.auditLocal.count()).toBe(0);
  });
});
