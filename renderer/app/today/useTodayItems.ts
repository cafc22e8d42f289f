import { useLiveQuery } from 'dexie-react-hooks';
import { DUE_SOON_DAYS, addDays, classifyOccurrence, compareUrgency } from '../../../shared/duties';
import { isHero } from '../../../shared/domain/cadence';
import type { YoufuDb } from '../../db/database';
import { type DueItem, openRequests, pendingOccurrences } from '../../db/queries';
import { useDbSession } from '../DbProvider';
import { useScopePrefix } from '../useScopePrefix';

export type TodayScope = 'station' | 'mine';

export interface TodayItem extends DueItem {
  hero: boolean;
  overdue: boolean;
}

export interface TodayData {
  items: TodayItem[];
  overdue: number;
  dueSoon: number;
  openRequests: number;
}

/**
 * The Today list's data: overdue and soon-due occurrences, most urgent first (heroes, then
 * days overdue), and the open requests count. What the Today screen shows; the benchmark
 * (renderer/bench) times this very function.
 */
export async function loadTodayData(db: YoufuDb, filter: { stationPrefix?: string; assigneeId?: string; today: string }): Promise<TodayData> {
  const { stationPrefix, assigneeId, today } = filter;
  const [due, requests] = await Promise.all([
    pendingOccurrences(db, { stationPrefix, assigneeId, until: addDays(today, DUE_SOON_DAYS) }),
    openRequests(db, { stationPrefix, assigneeId }),
  ]);
  const items = due
    .map((d): TodayItem => ({
      ...d,
      hero: d.recipient ? isHero(d.recipient.categories) : false,
      overdue: classifyOccurrence(d.occurrence, today) === 'overdue',
    }))
    .sort((a, b) => compareUrgency({ isHero: a.hero, dueDate: a.occurrence.dueDate }, { isHero: b.hero, dueDate: b.occurrence.dueDate }));
  const overdue = items.filter((i) => i.overdue).length;
  return { items, overdue, dueSoon: items.length - overdue, openRequests: requests.length };
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
