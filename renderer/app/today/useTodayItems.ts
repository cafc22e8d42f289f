import { useLiveQuery } from 'dexie-react-hooks';
import { DUE_SOON_DAYS, addDays, classifyOccurrence, compareUrgency } from '../../../shared/duties';
import type { DutyOccurrence } from '../../../shared/domain/schemas';
import type { YoufuDb } from '../../db/database';
import { type DueItem, dueItemDetails, heroRecipientIds, openRequests, pendingOccurrenceList } from '../../db/queries';
import { useDbSession } from '../DbProvider';
import { useScopePrefix } from '../useScopePrefix';

export type TodayScope = 'station' | 'mine';

/** One line of the Today list as sorted and counted: the occurrence and how urgent it is. */
export interface TodayEntry {
  occurrence: DutyOccurrence;
  hero: boolean;
  overdue: boolean;
}

/** A line as shown: its duty and recipient read for the rows on screen only. */
export interface TodayItem extends TodayEntry {
  duty: DueItem['duty'];
  recipient: DueItem['recipient'];
}

export interface TodayData {
  items: TodayEntry[];
  overdue: number;
  dueSoon: number;
  openRequests: number;
}

/**
 * The Today list's data: overdue and soon-due occurrences, most urgent first (heroes, then
 * days overdue), and the open requests count. What the Today screen shows; the benchmark
 * (renderer/bench) times this very function plus the first page's details.
 *
 * At district scale thousands of occurrences are due: sorting needs only the occurrences and
 * which recipients are heroes (keys of the `isHero` index), so their duties and recipients are
 * read for the page on screen (`loadTodayDetails`), not for the whole list.
 */
export async function loadTodayData(db: YoufuDb, filter: { stationPrefix?: string; assigneeId?: string; today: string }): Promise<TodayData> {
  const { stationPrefix, assigneeId, today } = filter;
  const [due, heroes, requests] = await Promise.all([
    pendingOccurrenceList(db, { stationPrefix, assigneeId, until: addDays(today, DUE_SOON_DAYS) }),
    heroRecipientIds(db),
    openRequests(db, { stationPrefix, assigneeId }),
  ]);
  const items = due
    .map((occurrence): TodayEntry => ({
      occurrence,
      hero: heroes.has(occurrence.recipientId),
      overdue: classifyOccurrence(occurrence, today) === 'overdue',
    }))
    .sort((a, b) => compareUrgency({ isHero: a.hero, dueDate: a.occurrence.dueDate }, { isHero: b.hero, dueDate: b.occurrence.dueDate }));
  const overdue = items.filter((i) => i.overdue).length;
  return { items, overdue, dueSoon: items.length - overdue, openRequests: requests.length };
}

/** The duties and recipients of the entries given (a page of the list), in their order. */
export async function loadTodayDetails(db: YoufuDb, entries: readonly TodayEntry[]): Promise<TodayItem[]> {
  const details = await dueItemDetails(db, entries.map((e) => e.occurrence));
  return entries.map((e, i) => ({ ...e, duty: details[i]?.duty, recipient: details[i]?.recipient }));
}

/** The Today lines on screen with their duty and recipient; undefined while they load. */
export function useTodayDetails(entries: readonly TodayEntry[]): TodayItem[] | undefined {
  const { db } = useDbSession();
  const key = entries.map((e) => e.occurrence.id).join(',');
  // `key` stands for the entries: a new array with the same lines must not read them again.
  return useLiveQuery(() => loadTodayDetails(db, entries), [db, key]);
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
