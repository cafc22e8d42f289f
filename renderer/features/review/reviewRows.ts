import type { StationFigures } from '../../../shared/review/api';
import { compareByHeroesOverdue, groupByStreet } from '../../../shared/review/rollup';

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
