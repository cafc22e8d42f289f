import type { StationFigures } from '../../../shared/review/api';
import { aidTotals, compareByHeroesOverdue, groupByStreet } from '../../../shared/review/rollup';

/** A table row: a station, or a street subtotal with its communities as children. */
export interface ReviewRow extends StationFigures {
  kind: 'station' | 'street';
  children?: ReviewRow[];
}

/** District and street reviews group communities by street (subtotal rows); the city's lists districts. Heroes first. */
export function reviewRows(stations: readonly StationFigures[], rowLevel: string): ReviewRow[] {
  if (rowLevel !== 'community') return [...stations].sort(compareByHeroesOverdue).map((s) => ({ ...s, kind: 'station' }));
  return groupByStreet(stations).map((g) => ({
    ...g.street,
    kind: 'street',
    children: g.stations.map((s) => ({ ...s, kind: 'station' })),
  }));
}

/**
 * A station with something in it this week: recipients on file, visits due or logged, overdue
 * duties, aid or open requests. The review's 隐藏无数据站点 leaves the others out (their
 * figures are all zero, so the totals do not change).
 */
export function stationHasData(s: StationFigures): boolean {
  return (
    s.recipients > 0 ||
    s.visitsDue > 0 ||
    s.visitsDone > 0 ||
    s.overdue > 0 ||
    s.heroesOverdue > 0 ||
    s.visitsLogged > 0 ||
    s.openRequests > 0 ||
    aidTotals(s).count > 0
  );
}
