import { describe, expect, it } from 'vitest';
import type { ReviewRows } from './compute';
import { computeReview } from './compute';
import { coveragePercent, groupByStreet, signoffFigures, sumFigures } from './rollup';
import { mondayOf, shanghaiDate } from '../calendar/shanghai';
import { last12Months, last52Weeks, reviewWeek } from './week';

const A = '440304001001';
const B = '440304001002';
const OTHER = '440305001001';
const hero = [{ code: 'combat_hero' as const }];
const plain = [{ code: 'key_recipient' as const }];

function rows(over: Partial<ReviewRows> = {}): ReviewRows {
  return {
    recipients: [
      { id: 'h', stationCode: A, status: 'active', statusDate: null, categories: hero },
      { id: 'p', stationCode: A, status: 'active', statusDate: null, categories: plain },
      { id: 'gone-before', stationCode: A, status: 'deceased', statusDate: '2026-11-01', categories: plain },
      { id: 'gone-after', stationCode: B, status: 'moved', statusDate: '2026-11-27', categories: plain },
      { id: 'x', stationCode: OTHER, status: 'active', statusDate: null, categories: plain },
    ],
    duties: [
      { id: 'call', kind: 'phone_call' },
      { id: 'visit', kind: 'home_visit' },
      { id: 'exam', kind: 'checkup' },
    ],
    dutyOccurrences: [
      // due in the week of 2026-11-16 … 22
      { dutyId: 'call', recipientId: 'h', stationCode: A, dueDate: '2026-11-16', status: 'done', doneAt: '2026-11-16T10:00:00+08:00' },
      { dutyId: 'visit', recipientId: 'h', stationCode: A, dueDate: '2026-11-18', status: 'pending', doneAt: null },
      { dutyId: 'visit', recipientId: 'p', stationCode: A, dueDate: '2026-11-22', status: 'cancelled', doneAt: null },
      { dutyId: 'exam', recipientId: 'p', stationCode: A, dueDate: '2026-11-20', status: 'pending', doneAt: null },
      // done late, after the week: overdue as of the week's end, not today
      { dutyId: 'visit', recipientId: 'p', stationCode: B, dueDate: '2026-11-10', status: 'done', doneAt: '2026-11-23T01:00:00+08:00' },
      // done on Sunday 23:30 Shanghai (15:30Z): not overdue at the end of that Sunday
      { dutyId: 'visit', recipientId: 'p', stationCode: B, dueDate: '2026-11-10', status: 'done', doneAt: '2026-11-22T15:30:00Z' },
      { dutyId: 'visit', recipientId: 'x', stationCode: OTHER, dueDate: '2026-11-17', status: 'pending', doneAt: null },
    ],
    visits: [
      { id: 'v1', stationCode: A, visitedAt: '2026-11-16T10:00:00+08:00' },
      { id: 'v2', stationCode: A, visitedAt: '2026-11-15T16:30:00Z' }, // Monday 00:30 in Shanghai
      { id: 'v3', stationCode: B, visitedAt: '2026-11-23T09:00:00+08:00' },
      { id: 'v4', stationCode: B, visitedAt: '2025-12-01T09:00:00+08:00' },
    ],
    attachments: [
      // v1: two photos, counted once
      { ownerTable: 'visits', ownerId: 'v1', mime: 'image/jpeg', withdrawn: false },
      { ownerTable: 'visits', ownerId: 'v1', mime: 'image/webp', withdrawn: false },
      // v2: a PDF and a withdrawn photo are no photo evidence
      { ownerTable: 'visits', ownerId: 'v2', mime: 'application/pdf', withdrawn: false },
      { ownerTable: 'visits', ownerId: 'v2', mime: 'image/jpeg', withdrawn: true },
      // a signature on aid, whose id happens to be a visit's: not the visit's evidence
      { ownerTable: 'aid', ownerId: 'v2', mime: 'image/png', withdrawn: false },
      // v3 has a photo but falls outside the week
      { ownerTable: 'visits', ownerId: 'v3', mime: 'image/jpeg', withdrawn: false },
    ],
    aid: [
      { stationCode: A, date: '2026-11-17', fundSource: 'city_foundation', amountFen: 50000, voided: false },
      { stationCode: A, date: '2026-11-17', fundSource: 'city_foundation', amountFen: 99900, voided: true },
      { stationCode: B, date: '2026-11-22', fundSource: 'social_donation', amountFen: null, voided: false },
      { stationCode: B, date: '2026-10-02', fundSource: 'social_donation', amountFen: 1000, voided: false },
    ],
    requests: [
      // due the 9th: 13 days late on the 22nd, escalated
      { stationCode: A, status: 'open', openedAt: '2026-11-02T09:00:00+08:00', closedAt: null, urgency: 'normal' },
      // open on the 22nd (closed the 25th), due the 26th: not late
      { stationCode: A, status: 'resolved', openedAt: '2026-11-12T09:00:00+08:00', closedAt: '2026-11-25T09:00:00+08:00', urgency: 'low' },
      { stationCode: A, status: 'resolved', openedAt: '2026-11-12T09:00:00+08:00', closedAt: '2026-11-20T09:00:00+08:00', urgency: null },
      { stationCode: B, status: 'open', openedAt: '2026-11-24T09:00:00+08:00', closedAt: null, urgency: 'critical' },
    ],
    ...over,
  };
}

describe('review week', () => {
  it('is Monday to Sunday in Shanghai dates, as of Sunday or today', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(reviewWeek('2026-11-19', '2026-11-28')).toEqual({ weekStart: '2026-11-16', weekEnd: '2026-11-22', asOf: '2026-11-22' });
    expect(reviewWeek('2026-11-28', '2026-11-28')).toEqual({ weekStart: '2026-11-23', weekEnd: '2026-11-29', asOf: '2026-11-28' });
    expect(shanghaiDate('2026-11-15T16:30:00Z')).toBe('2026-11-16');
    expect(last12Months('2026-02-01')).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    const weeks = last52Weeks('2026-11-16');
    expect(weeks).toHaveLength(52);
    expect(weeks.at(-1)).toBe('2026-11-16');
    expect(weeks[0]).toBe('2025-11-24');
  });
});

describe('computeReview', () => {
  const review = computeReview(rows(), { scope: '440304', week: '2026-11-19', today: '2026-11-28' });
  const a = review.stations.find((s) => s.code === A)!;
  const b = review.stations.find((s) => s.code === B)!;

  it('has a row for every community of the district, zeros included, and nothing outside it', () => {
    expect(review.rowLevel).toBe('community');
    expect(review.stations.length).toBeGreaterThan(50);
    expect(review.stations.every((s) => s.code.startsWith('440304') && s.code.length === 12)).toBe(true);
    expect(review.stations.find((s) => s.code === '440304001003')).toMatchObject({ recipients: 0, visitsDue: 0, oldestRequestDays: null });
  });

  it("counts recipients on the books at the week's end", () => {
    expect(a.recipients).toBe(2);
    expect(b.recipients).toBe(1);
  });

  it('counts visits due and done of visit and contact duties only, without cancelled ones', () => {
    expect(a.visitsDue).toBe(2);
    expect(a.visitsDone).toBe(1);
    expect(coveragePercent(a)).toBe(50);
    expect(coveragePercent(b)).toBeNull();
  });

  it("counts overdue duties as of the week's end, heroes apart", () => {
    // A: the hero's visit due 18th, the check-up due 20th; B: the visit done on the 23rd.
    expect(a.overdue).toBe(2);
    expect(a.heroesOverdue).toBe(1);
    expect(b.overdue).toBe(1);
    expect(b.heroesOverdue).toBe(0);
  });

  it('counts visits, aid and open requests by Shanghai date', () => {
    expect(a.visitsLogged).toBe(2);
    expect(b.visitsLogged).toBe(0);
    expect(a.visitsWithPhotos).toBe(1);
    expect(b.visitsWithPhotos).toBe(0);
    expect(a.aid.city_foundation).toEqual({ count: 1, fen: 50000 });
    expect(b.aid.social_donation).toEqual({ count: 1, fen: 0 });
    expect(a.openRequests).toBe(2);
    expect(a.escalatedRequests).toBe(1);
    expect(a.oldestRequestDays).toBe(20);
    expect(b.openRequests).toBe(0);
  });

  it('gives trends for 12 months and 52 weeks', () => {
    expect(review.trends.aidByMonth).toHaveLength(60);
    expect(review.trends.aidByMonth.find((m) => m.month === '2026-10' && m.fund === 'social_donation')).toEqual({
      month: '2026-10',
      fund: 'social_donation',
      count: 1,
      fen: 1000,
    });
    expect(review.trends.visitsByWeek.at(-1)).toEqual({ weekStart: '2026-11-16', count: 2 });
    expect(review.trends.visitsByWeek.find((w) => w.weekStart === '2025-12-01')?.count).toBe(1);
  });

  it('reviews the city by district and the current week as of today', () => {
    const city = computeReview(rows(), { scope: '4403', week: '2026-11-28', today: '2026-11-28' });
    expect(city.rowLevel).toBe('district');
    expect(city.asOf).toBe('2026-11-28');
    const futian = city.stations.find((s) => s.code === '440304')!;
    // as of the 28th the late visit was done, the moved recipient gone, A's second request closed
    expect(futian).toMatchObject({ recipients: 2, overdue: 2, heroesOverdue: 1, openRequests: 2 });
    expect(city.stations.find((s) => s.code === '440305')?.overdue).toBe(1);
  });

  it('groups communities by street with subtotals, heroes first, and snapshots the totals', () => {
    const groups = groupByStreet(review.stations);
    expect(groups[0]?.street.code).toBe('440304001');
    expect(groups[0]?.stations[0]?.code).toBe(A);
    expect(groups[0]?.street.overdue).toBe(3);
    const total = sumFigures('440304', review.stations);
    expect(total.oldestRequestDays).toBe(20);
    expect(total.visitsWithPhotos).toBe(1);
    expect(signoffFigures(review)).toEqual({ recipients: 3, visitsDue: 2, visitsDone: 1, overdue: 3, heroesOverdue: 1, aidFen: 50000 });
  });
});
