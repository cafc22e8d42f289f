import { describe, expect, it } from 'vitest';
import { defaultDutyTemplates } from '../domain/cadence';
import { DEMO_ACCOUNTS, DEMO_COMMUNITY_CODE, DEMO_TODAY } from './accounts';
import { auditDemoRows } from './datasetAudit';
import { generateDemoRows } from './generator';
import type { DemoRow } from './types';

const collect = (opts: Parameters<typeof generateDemoRows>[0]): DemoRow[] => [...generateDemoRows(opts)];

describe('generateDemoRows', () => {
  const rows = collect({ recipients: 300, seed: 11 });
  const audit = auditDemoRows(rows, DEMO_TODAY);

  it('yields a consistent data set: schemas, references, ID numbers, one pending occurrence per duty', () => {
    expect(audit.problems).toEqual([]);
    expect(audit.counts.recipients).toBe(300);
  });

  it('yields stations, then staff, then recipient blocks whose tables come in dependency order', () => {
    const firstStaff = rows.findIndex((r) => r.table === 'staff');
    const firstRecipient = rows.findIndex((r) => r.table === 'recipients');
    expect(rows.slice(0, firstStaff).every((r) => r.table === 'stations')).toBe(true);
    expect(rows.slice(firstStaff, firstRecipient).every((r) => r.table === 'staff')).toBe(true);
  });

  it('is deterministic for a seed and varies with it', () => {
    const again = collect({ recipients: 300, seed: 11 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(rows));
    const other = collect({ recipients: 300, seed: 12 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(rows));
  });

  it('makes the default duty plans of the cadence rules, anchored on one registration day', () => {
    const plans = new Map<string, { templates: string[]; anchors: Set<string> }>();
    for (const r of rows) {
      if (r.table !== 'duties' || r.row.source !== 'default') continue;
      const p = plans.get(r.row.recipientId) ?? { templates: [], anchors: new Set<string>() };
      p.templates.push(JSON.stringify({ kind: r.row.kind, recurrence: r.row.recurrence }));
      p.anchors.add(r.row.anchorDate);
      plans.set(r.row.recipientId, p);
    }
    for (const r of rows) {
      if (r.table !== 'recipients') continue;
      const expected = defaultDutyTemplates(r.row.categories)
        .map((t) => JSON.stringify(t))
        .sort();
      const p = plans.get(r.row.id);
      expect(p?.templates.sort()).toEqual(expected);
      expect(p?.anchors.size).toBe(1);
    }
  });

  it('always has the demo accounts and the 园岭 hero with an overdue monthly visit, even for one recipient', () => {
    const one = collect({ recipients: 1, seed: 99 });
    expect(auditDemoRows(one, DEMO_TODAY).problems).toEqual([]);
    const usernames = one.flatMap((r) => (r.table === 'staff' ? [r.row.username] : []));
    expect(usernames).toEqual(expect.arrayContaining(Object.values(DEMO_ACCOUNTS).map((a) => a.username)));
    const hero = one.find((r) => r.table === 'recipients');
    expect(hero?.table === 'recipients' && hero.row).toMatchObject({
      stationCode: DEMO_COMMUNITY_CODE,
      dedicatedStaffId: DEMO_ACCOUNTS.hero.id,
      status: 'active',
    });
    expect(auditDemoRows(one, DEMO_TODAY).overdueMonthlyVisitsByStaff['demo-hero']).toBe(1);
  });

  it('moves with --today instead of the wall clock', () => {
    const today = '2025-03-15';
    const moved = collect({ recipients: 50, seed: 11, today });
    const a = auditDemoRows(moved, today);
    expect(a.problems).toEqual([]);
    expect(a.overdueMonthlyVisitsByStaff['demo-hero']).toBe(1);
  });

  it('limits stations and recipients to a scope, keeping its ancestors', () => {
    const scoped = collect({ recipients: 100, seed: 11, scopePrefix: '440306' });
    expect(auditDemoRows(scoped, DEMO_TODAY).problems).toEqual([]);
    const stations = scoped.flatMap((r) => (r.table === 'stations' ? [r.row.code] : []));
    expect(stations.slice(0, 2)).toEqual(['4403', '440306']);
    expect(stations.every((c) => c === '4403' || c.startsWith('440306'))).toBe(true);
    const recipientStations = scoped.flatMap((r) => (r.table === 'recipients' ? [r.row.stationCode] : []));
    expect(recipientStations.every((c) => c.startsWith('440306'))).toBe(true);
    // No 园岭 community in scope, so no demo hero; the city admin is still there.
    const usernames = scoped.flatMap((r) => (r.table === 'staff' ? [r.row.username] : []));
    expect(usernames).toContain('demo-admin');
    expect(usernames).not.toContain('demo-hero');
  });

  it('gives 大鹏新区 recipients ID numbers of 龙岗区 (440307)', () => {
    const dapeng = collect({ recipients: 30, seed: 3, scopePrefix: '4403DP' });
    const ids = dapeng.flatMap((r) => (r.table === 'recipients' ? [r.row.idNumber] : []));
    expect(ids.length).toBe(30);
    expect(ids.every((id) => id.startsWith('440307'))).toBe(true);
  });

  it('rejects nonsense options', () => {
    expect(() => collect({ recipients: 0, seed: 1 })).toThrow();
    expect(() => collect({ recipients: 10, seed: 1, today: '2026-02-30' })).toThrow();
    expect(() => collect({ recipients: 10, seed: 1, scopePrefix: '999' })).toThrow();
  });

  it('without history yields the very same recipients and nothing after them', () => {
    const bare = collect({ recipients: 300, seed: 11, history: false });
    expect(new Set(bare.map((r) => r.table))).toEqual(new Set(['stations', 'staff', 'recipients']));
    expect(bare.filter((r) => r.table === 'recipients')).toEqual(rows.filter((r) => r.table === 'recipients'));
  });
});
