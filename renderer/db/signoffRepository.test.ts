import { describe, expect, it } from 'vitest';
import { signOffWeek } from './signoffRepository';
import { newTestDb, testContext } from './testFixtures';

const figures = { recipients: 120, visitsDue: 30, visitsDone: 27, overdue: 4, heroesOverdue: 1, aidFen: 150000 };

describe('signOffWeek', () => {
  it('writes the sign-off with its outbox mutation and audit entry, once per station and week', async () => {
    const db = newTestDb();
    const ctx = testContext(db);
    const r = await signOffWeek(ctx, { stationCode: '440304', weekStart: '2026-11-23', comment: ' 本周正常 ', figures });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ stationCode: '440304', weekStart: '2026-11-23', comment: '本周正常', signedByName: '李四', figures });
    expect(await db.signoffs.count()).toBe(1);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'signoffs', op: 'upsert', baseRev: 0 });
    expect(await db.auditLocal.where('[table+rowId]').equals(['signoffs', r.value.id]).count()).toBe(1);

    const again = await signOffWeek(ctx, { stationCode: '440304', weekStart: '2026-11-23', comment: '再签', figures });
    expect(again).toEqual({ ok: false, error: { code: 'validation_failed', issues: [{ path: ['weekStart'], code: 'signoff_exists' }] } });
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });

  it('refuses a week that does not start on a Monday and leaves nothing behind', async () => {
    const db = newTestDb();
    const r = await signOffWeek(testContext(db), { stationCode: '440304', weekStart: '2026-11-24', comment: '', figures });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'validation_failed', issues: [{ path: ['weekStart'], code: 'week_start_not_monday' }] });
    expect(await db.signoffs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
