import type { DutyKind } from '../domain/enums';
import { FUND_SOURCE } from '../domain/enums';
import { stationsInScope } from '../stations/tree';
import type { AidByFund } from './api';

/**
 * What every figure of the district review means. The local computation (compute.ts) and the
 * server's SQL (server/review/reviewSql.ts) both implement exactly this; a test runs both on
 * the demo data and compares them.
 *
 * Week: ISO week, Monday–Sunday inclusive, Asia/Shanghai dates (week.ts). `asOf` is the week's
 * Sunday, or today while the week is still running. Instants count on their Shanghai date.
 * Deleted rows never count. Each row is counted at its own `stationCode`, rolled up to the
 * review row (a community; a district in the city's review).
 *
 * - recipients: recipients whose status is `active`, or who left (moved / deceased) after
 *   `asOf` (statusDate > asOf): those on the books at the end of `asOf`.
 * - visitsDue: duty occurrences due within the week (weekStart ≤ dueDate ≤ weekEnd), not
 *   cancelled, whose duty is a visit or contact (VISIT_DUTY_KINDS).
 * - visitsDone: of visitsDue, those with status `done` (whenever they were done).
 * - coverage: visitsDone / visitsDue in per cent; "—" when nothing was due.
 * - overdue: duty occurrences of any kind due before `asOf` that were still open at the end of
 *   `asOf`: status `pending`, or `done` on a Shanghai date after `asOf`. Cancelled never counts.
 * - heroesOverdue: of overdue, those of combat heroes and first-class merit holders (isHero).
 * - visitsLogged: visits and contacts whose visitedAt falls within the week.
 * - visitsWithPhotos: of visitsLogged, those with photo evidence: at least one attachment owned
 *   by the visit itself (ownerTable `visits`) whose mime is an image and that is not withdrawn
 *   (whenever it was attached). Signatures on the visit's aid belong to the aid, not the visit.
 * - aid: aid dated within the week and not voided, per fund source: count, and the sum of
 *   amountFen (goods and services without an amount add 0 fen).
 * - openRequests: requests opened on or before `asOf` and not closed by its end: closedAt on a
 *   date after `asOf`, or (no closedAt) status `open` or `in_progress`.
 * - escalatedRequests: of those, the ones more than ESCALATE_AFTER_DAYS.street days past their
 *   due day (opening day + DUE_DAYS of their urgency) at asOf: escalated to the street or above.
 * - oldestRequestDays: asOf minus the opening date of the oldest of those, in days.
 * - lastSyncAt: the latest push or pull of any device of an account whose station is the row's
 *   station or below it (server only; offline the value cached from the last online fetch).
 *
 * Trends: aid per month and fund for the 12 months ending with the week's month (aid dated up to
 * weekEnd), and visits logged per week for the 52 weeks ending with the reviewed week.
 */
/** The attachment types that count as photo evidence (the kind is sealed on devices; the mime is clear). */
export const PHOTO_MIMES: readonly string[] = ['image/jpeg', 'image/webp', 'image/png'];

export const VISIT_DUTY_KINDS: readonly DutyKind[] = ['phone_call', 'home_visit', 'birthday', 'festival'];

export type RowLevel = 'district' | 'community';

/** Code length of each station tier. */
export const CODE_LENGTH = { city: 4, district: 6, street: 9, community: 12 } as const;

/** The city reviews its districts; a district, a street or a community reviews communities. */
export function rowLevelOf(scope: string): RowLevel {
  return scope.length <= CODE_LENGTH.city ? 'district' : 'community';
}

/** The review row a station code counts towards (a street office's own code stays itself). */
export function rowCodeOf(stationCode: string, level: RowLevel): string {
  return stationCode.slice(0, CODE_LENGTH[level]);
}

/** Every station of the tree at the row level within the scope: each gets a row, zeros included. */
export function treeRowCodes(scope: string): string[] {
  const level = rowLevelOf(scope);
  const stations = stationsInScope(scope)
    .filter((s) => s.level === level)
    .map((s) => s.code);
  if (stations.length === 0 && scope.length === CODE_LENGTH[level]) return [scope];
  return stations;
}

export function emptyAid(): AidByFund {
  return Object.fromEntries(FUND_SOURCE.values.map((f) => [f, { count: 0, fen: 0 }])) as AidByFund;
}
