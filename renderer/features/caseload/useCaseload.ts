import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from '../../db/live';
import {
  type CaseloadRow,
  caseloadRows,
  firstByNextDue,
  nextDueByRecipient,
  recipientCount,
  searchRecipientIds,
} from '../../db/queries/caseload';
import { useDbSession } from '../../app/DbProvider';
import { useAppStore } from '../../app/store';
import { useScopePrefix } from '../../app/useScopePrefix';
import { orderByNextDue } from './nextDue';
import { useDebounced } from './useDebounced';

const SEARCH_DEBOUNCE_MS = 120;
/** A first screenful, read while the full list of a large scope is still loading. */
const FIRST_PAGE = 100;

export type { CaseloadRow } from '../../db/queries/caseload';

export interface CaseloadData {
  /** Every match, in the order shown; rows are read for the lines on screen (`useCaseloadRows`). */
  ids: readonly string[] | undefined;
  total: number | undefined;
  /** True while a newer search than the list shown is running. */
  stale: boolean;
  /** False while only the first page of a large list is shown. */
  complete: boolean;
}

/**
 * The caseload's list as ids only: a whole city is 200,000 of them (about 15 MB), where its rows
 * were 460 MB. The table reads the rows of the lines in view (`useCaseloadRows`).
 */
export function useCaseload(today: string): CaseloadData {
  const { db } = useDbSession();
  const scopePrefix = useScopePrefix();
  const filters = useAppStore((s) => s.caseload);
  const text = useDebounced(filters.text.trim(), SEARCH_DEBOUNCE_MS);
  const stationPrefix = filters.communityCode ?? filters.streetCode ?? scopePrefix;
  const { categories, livingSituation, dedicatedStaffId, due, sortByNextDue } = filters;

  const queryKey = JSON.stringify([text, stationPrefix, categories, livingSituation, dedicatedStaffId, due, today]);
  // The full list of a previous search (or of a screen left) stops reading when a newer one starts.
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);
  const search = (limit: number, signal?: AbortSignal) => async () => {
    const ids = await searchRecipientIds(
      db,
      {
        text,
        stationPrefix,
        categories,
        livingSituation,
        dedicatedStaffId: dedicatedStaffId ?? undefined,
        dueStatus: due ? { kind: due, today } : undefined,
      },
      limit,
      signal,
    );
    return { key: queryKey, ids, complete: ids.length < limit || !Number.isFinite(limit) };
  };
  // The first page shows within a blink; the full list and the next-due order start only once
  // it is in: started together, they held a district's first rows back by seconds. Sorted by
  // next due with no filter (the default), the first page is the top of that order already.
  const scopeOnly =
    text === '' &&
    stationPrefix === scopePrefix &&
    categories.length === 0 &&
    livingSituation.length === 0 &&
    dedicatedStaffId === null &&
    due === null;
  const firstBySort = sortByNextDue && scopeOnly;
  const firstPage = useLiveQuery(
    firstBySort
      ? async () => ({ key: queryKey, ids: await firstByNextDue(db, stationPrefix, FIRST_PAGE), complete: false })
      : search(FIRST_PAGE),
    [db, queryKey, firstBySort],
  );
  const firstShown = firstPage?.key === queryKey;
  const full = useLiveQuery(async () => {
    if (!firstShown) return undefined;
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    // An abandoned read yields nothing: the hook shows the newer search's results.
    return search(Infinity, controller.signal)().catch((e: unknown) => {
      if (controller.signal.aborted) return undefined;
      throw e;
    });
  }, [db, queryKey, firstShown]);
  // While the next query's first page loads, the last full list stays on screen (marked stale).
  // (Kept by adjusting state while rendering, the way React documents for a value of the previous render.)
  const [lastFull, setLastFull] = useState<typeof full>(undefined);
  if (full && full !== lastFull) setLastFull(full);
  const fullResult = full ?? lastFull;
  // The scope-wide reads start once the first rows are in, and stay on for later searches.
  const [warm, setWarm] = useState(false);
  if (firstShown && !warm) setWarm(true);
  const nextDue = useLiveQuery(
    async () => (warm && sortByNextDue ? nextDueByRecipient(db, scopePrefix) : undefined),
    [db, scopePrefix, warm, sortByNextDue],
  );
  // Sorted by next due, the full list waits for the order: shown before it, it would jump.
  const fullReady = fullResult?.key === queryKey && (!sortByNextDue || nextDue !== undefined);
  const result = fullReady ? fullResult : firstShown ? firstPage : (fullResult ?? firstPage);

  // The whole scope listed is its total; a filtered list counts the scope apart, after the
  // first rows (a city's count is seconds of IndexedDB time).
  const counted = useLiveQuery(
    async () => (warm && !scopeOnly ? recipientCount(db, scopePrefix) : undefined),
    [db, scopePrefix, warm, scopeOnly],
  );
  const total = scopeOnly ? (fullResult?.key === queryKey ? fullResult.ids.length : undefined) : counted;

  const ids = useMemo(() => {
    if (!result) return undefined;
    return sortByNextDue && nextDue ? orderByNextDue(result.ids, nextDue) : result.ids;
  }, [result, nextDue, sortByNextDue]);

  const complete = result?.complete ?? false;
  return { ids, total, complete, stale: result !== undefined && (result.key !== queryKey || !complete || text !== filters.text.trim()) };
}

/**
 * The rows of the ids given (the lines in view), opened, with their next due date: names and
 * everything else shown are sealed, and only these lines are decrypted. Rows already read stay
 * until the new ones are in, so scrolling shows no blank flash for lines still in view.
 */
export function useCaseloadRows(ids: readonly string[]): ReadonlyMap<string, CaseloadRow> {
  const { db } = useDbSession();
  const key = ids.join(',');
  const rows = useLiveQuery(() => caseloadRows(db, ids), [db, key]);
  return rows ?? EMPTY_ROWS;
}

const EMPTY_ROWS: ReadonlyMap<string, CaseloadRow> = new Map();
