import { useLiveQuery } from 'dexie-react-hooks';
import type { DutyOccurrence } from '../../../shared/domain/schemas';
import type { YoufuDb } from '../../db/database';
import { type DueItem, dueItemDetails, openRequests } from '../../db/queries';
import { type DueLine, type TodayFilter, dueLines } from '../../db/todayQueries';
import { useDbSession } from '../../app/DbProvider';
import { useScopePrefix } from '../../app/useScopePrefix';

export type TodayScope = 'station' | 'mine';

/** A line as shown: its occurrence, duty and recipient read for the rows on screen only. */
export interface TodayItem extends DueLine {
  occurrence: DutyOccurrence;
  duty: DueItem['duty'];
  recipient: DueItem['recipient'];
}

export interface TodayData {
  lines: DueLine[];
  overdue: number;
  dueSoon: number;
  openRequests: number;
}

/**
 * The Today list's data: overdue and soon-due occurrences, most urgent first (heroes, then
 * days overdue), and the open requests count. What the Today screen shows; the benchmark
 * (renderer/bench) times this very function plus the first page's details.
 *
 * The list keeps ids only (renderer/db/todayQueries.ts); the rows of the page on screen are read
 * by `loadTodayDetails`.
 */
export async function loadTodayData(db: YoufuDb, filter: TodayFilter): Promise<TodayData> {
  const [due, requests] = await Promise.all([dueLines(db, filter), openRequests(db, filter)]);
  return { ...due, openRequests: requests.length };
}

/**
 * The occurrences, duties and recipients of the lines given (a page of the list), in their
 * order. A line whose occurrence is gone (a sync in between) is left out: the list that named
 * it is read again at once.
 */
export async function loadTodayDetails(db: YoufuDb, lines: readonly DueLine[]): Promise<TodayItem[]> {
  const rows = await db.dutyOccurrences.bulkGet(lines.map((l) => l.occurrenceId));
  const found = lines.flatMap((line, i) => {
    const row = rows[i];
    return row ? [{ line, occurrence: db.codec.decodeSummary('dutyOccurrences', row) }] : [];
  });
  const details = await dueItemDetails(db, found.map((f) => f.occurrence));
  return found.map((f, i) => ({ ...f.line, occurrence: f.occurrence, duty: details[i]?.duty, recipient: details[i]?.recipient }));
}

/** The Today lines on screen with their duty and recipient; undefined while they load. */
export function useTodayDetails(lines: readonly DueLine[]): TodayItem[] | undefined {
  const { db } = useDbSession();
  const key = lines.map((l) => l.occurrenceId).join(',');
  // `key` stands for the lines: a new array with the same lines must not read them again.
  return useLiveQuery(() => loadTodayDetails(db, lines), [db, key]);
}

/** Overdue and soon-due occurrences, most urgent first (heroes, then days overdue). */
export function useTodayItems(scope: TodayScope, today: string): TodayData | undefined {
  const { db, user } = useDbSession();
  const stationPrefix = useScopePrefix();
  return useLiveQuery(
    () => loadTodayData(db, { stationPrefix, assigneeId: scope === 'mine' ? user.id : undefined, today }),
    [db, user.id, stationPrefix, scope, today],
  );
}
