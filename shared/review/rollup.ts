import type { SignoffFigures } from '../domain/schemas';
import { FUND_SOURCE } from '../domain/enums';
import type { Review, StationFigures } from './api';
import { CODE_LENGTH, emptyAid } from './definitions';

/** Coverage in whole per cent (rounded down); null when nothing was due ("—"). */
export function coveragePercent(f: Pick<StationFigures, 'visitsDue' | 'visitsDone'>): number | null {
  return f.visitsDue === 0 ? null : Math.floor((f.visitsDone * 100) / f.visitsDue);
}

export function aidTotals(f: Pick<StationFigures, 'aid'>): { count: number; fen: number } {
  let count = 0;
  let fen = 0;
  for (const fund of FUND_SOURCE.values) {
    count += f.aid[fund].count;
    fen += f.aid[fund].fen;
  }
  return { count, fen };
}

/** Sums rows into one (a street's subtotal, or the scope's total); last sync is the latest. */
export function sumFigures(code: string, rows: readonly StationFigures[]): StationFigures {
  const out: StationFigures = {
    code,
    recipients: 0,
    visitsDue: 0,
    visitsDone: 0,
    overdue: 0,
    heroesOverdue: 0,
    visitsLogged: 0,
    visitsWithPhotos: 0,
    aid: emptyAid(),
    openRequests: 0,
    escalatedRequests: 0,
    oldestRequestDays: null,
    lastSyncAt: null,
  };
  for (const r of rows) {
    out.recipients += r.recipients;
    out.visitsDue += r.visitsDue;
    out.visitsDone += r.visitsDone;
    out.overdue += r.overdue;
    out.heroesOverdue += r.heroesOverdue;
    out.visitsLogged += r.visitsLogged;
    out.visitsWithPhotos += r.visitsWithPhotos;
    for (const fund of FUND_SOURCE.values) {
      out.aid[fund].count += r.aid[fund].count;
      out.aid[fund].fen += r.aid[fund].fen;
    }
    out.openRequests += r.openRequests;
    out.escalatedRequests += r.escalatedRequests;
    if (r.oldestRequestDays !== null) out.oldestRequestDays = Math.max(out.oldestRequestDays ?? 0, r.oldestRequestDays);
    if (r.lastSyncAt !== null && (out.lastSyncAt === null || Date.parse(r.lastSyncAt) > Date.parse(out.lastSyncAt)))
      out.lastSyncAt = r.lastSyncAt;
  }
  return out;
}

export interface StreetGroup {
  /** The street's subtotal row. */
  street: StationFigures;
  /** Its communities, those with overdue heroes' duties first. */
  stations: StationFigures[];
}

/** Heroes first: more overdue heroes' duties, then more overdue duties, then by code. */
export function compareByHeroesOverdue(a: StationFigures, b: StationFigures): number {
  if (a.heroesOverdue !== b.heroesOverdue) return b.heroesOverdue - a.heroesOverdue;
  if (a.overdue !== b.overdue) return b.overdue - a.overdue;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * A district's communities grouped by street, each street a subtotal row. Streets and the
 * communities inside each street come heroes first (see compareByHeroesOverdue).
 */
export function groupByStreet(rows: readonly StationFigures[]): StreetGroup[] {
  const streets = new Map<string, StationFigures[]>();
  for (const r of rows) {
    const street = r.code.slice(0, CODE_LENGTH.street);
    const list = streets.get(street) ?? [];
    list.push(r);
    streets.set(street, list);
  }
  return [...streets.entries()]
    .map(([code, list]) => ({ street: sumFigures(code, list), stations: [...list].sort(compareByHeroesOverdue) }))
    .sort((a, b) => compareByHeroesOverdue(a.street, b.street));
}

/** The snapshot a weekly sign-off records. */
export function signoffFigures(review: Pick<Review, 'scope' | 'stations'>): SignoffFigures {
  const t = sumFigures(review.scope, review.stations);
  return {
    recipients: t.recipients,
    visitsDue: t.visitsDue,
    visitsDone: t.visitsDone,
    overdue: t.overdue,
    heroesOverdue: t.heroesOverdue,
    aidFen: aidTotals(t).fen,
  };
}
