import { useLiveQuery } from '../../db/live';
import { type DueLine, type TodayData, type TodayItem, loadTodayData, loadTodayDetails } from '../../db/queries/today';
import { useDbSession } from '../../app/DbProvider';
import { useScopePrefix } from '../../app/useScopePrefix';

export type TodayScope = 'station' | 'mine';
export type { TodayData, TodayItem } from '../../db/queries/today';

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
