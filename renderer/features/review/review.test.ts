import { describe, expect, it } from 'vitest';
import type { Review } from '../../../shared/review/api';
import { emptyFigures } from '../../../shared/review/compute';
import type { YoufuDb } from '../../db/handle';
import { newTestDb } from '../../db/testFixtures';
import { aidOption, coverageOption, visitsOption } from './chartOptions';
import { chartsAnimate } from './EChart';
import { readLastSyncCache, writeLastSyncCache } from './lastSyncCache';
import { localReview } from './localReview';
import { reviewRows, stationHasData } from './reviewRows';

const A = '440304001001';
const B = '440304001002';
const C = '440304002001';

function figures(code: string, over: Partial<ReturnType<typeof emptyFigures>> = {}) {
  return { ...emptyFigures(code), ...over };
}

function freshDb(): YoufuDb {
  return newTestDb();
}

describe('review table rows', () => {
  it.each([
    ['all zeros', {}, false],
    ['a last sync only', { lastSyncAt: '2026-11-28T02:00:00.000Z' }, false],
    ['recipients on file', { recipients: 1 }, true],
    ['visits due', { visitsDue: 2 }, true],
    ['an overdue duty', { overdue: 1 }, true],
    ['a visit logged', { visitsLogged: 1 }, true],
    ['an open request', { openRequests: 1, oldestRequestDays: 3 }, true],
  ] as const)('a station with %s has data: %s', (_, over, expected) => {
    expect(stationHasData(figures(A, over))).toBe(expected);
  });

  it('a station with aid only has data', () => {
    const f = figures(A);
    expect(stationHasData({ ...f, aid: { ...f.aid, district_care_fund: { count: 1, fen: 5000 } } })).toBe(true);
  });

  it('groups a district by street with subtotals, the street and community with heroes overdue first', () => {
    const rows = reviewRows([figures(A), figures(B, { heroesOverdue: 1, overdue: 3 }), figures(C, { overdue: 1 })], 'community');
    expect(rows.map((r) => [r.code, r.kind, r.overdue])).toEqual([
      ['440304001', 'street', 3],
      ['440304002', 'street', 1],
    ]);
    expect(rows[0]?.children?.map((r) => r.code)).toEqual([B, A]);
  });

  it("lists the city's districts flat, heroes first", () => {
    const rows = reviewRows([figures('440303'), figures('440304', { heroesOverdue: 2 })], 'district');
    expect(rows.map((r) => r.code)).toEqual(['440304', '440303']);
    expect(rows.every((r) => r.children === undefined)).toBe(true);
  });
});

describe('charts', () => {
  const trends: Review['trends'] = {
    aidByMonth: [
      { month: '2026-10', fund: 'city_foundation', count: 2, fen: 123456 },
      { month: '2026-11', fund: 'social_donation', count: 1, fen: 5000 },
    ],
    visitsByWeek: [
      { weekStart: '2026-11-16', count: 4 },
      { weekStart: '2026-11-23', count: 7 },
    ],
  };

  it("draws coverage only for stations with something due, heroes' stations in red", () => {
    const o = coverageOption([figures(A, { visitsDue: 4, visitsDone: 1, heroesOverdue: 1 }), figures(B)], (c) => c) as {
      xAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
    };
    expect(o.xAxis.data).toEqual([A]);
    expect(o.series[0]?.data[0]).toEqual({ value: 25, itemStyle: { color: '#cf1322' } });
  });

  it('stacks aid by fund per month in yuan and plots visits per week', () => {
    const aid = aidOption(trends, 'zh') as { xAxis: { data: string[] }; series: { name: string; stack: string; data: number[] }[] };
    expect(aid.xAxis.data).toEqual(['2026-10', '2026-11']);
    expect(aid.series).toHaveLength(5);
    expect(aid.series.every((s) => s.stack === 'aid')).toBe(true);
    expect(aid.series.find((s) => s.name === '市拥军优属基金会')?.data).toEqual([1234.56, 0]);
    const visits = visitsOption(trends) as { series: { type: string; data: number[] }[] };
    expect(visits.series[0]).toMatchObject({ type: 'line', data: [4, 7] });
  });

  it('never animates in the printable report (nor under automation)', () => {
    expect(chartsAnimate(true)).toBe(false);
  });
});

describe('offline review', () => {
  it('shows the last sync times cached from the last online review', async () => {
    const db = freshDb();
    await db.open();
    const online: Review = {
      scope: '440304',
      weekStart: '2026-11-23',
      weekEnd: '2026-11-29',
      asOf: '2026-11-28',
      rowLevel: 'community',
      stations: [figures(A, { lastSyncAt: '2026-11-28T01:00:00.000Z' }), figures(B)],
      trends: { aidByMonth: [], visitsByWeek: [] },
    };
    await writeLastSyncCache(db, online);
    await writeLastSyncCache(db, { ...online, stations: [figures(B, { lastSyncAt: '2026-11-27T01:00:00.000Z' })] });
    const cache = await readLastSyncCache(db);
    expect(Object.fromEntries(cache)).toEqual({ [A]: '2026-11-28T01:00:00.000Z', [B]: '2026-11-27T01:00:00.000Z' });
    const offline = await localReview(db, { scope: '440304', week: '2026-11-25', today: '2026-11-28', lastSync: cache });
    expect(offline.stations.find((s) => s.code === A)?.lastSyncAt).toBe('2026-11-28T01:00:00.000Z');
    expect(offline.stations.find((s) => s.code === C)?.lastSyncAt).toBeNull();
    db.close();
  });
});
