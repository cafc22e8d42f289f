import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { RecipientListItem } from '../../db/codec';
import { searchRecipients } from '../../db/queries';
import { useDbSession } from '../DbProvider';
import { useAppStore } from '../store';
import { useScopePrefix } from '../useScopePrefix';
import { nextDueByRecipient } from './nextDue';
import { useDebounced } from './useDebounced';

/** Far above a district's 50,000: the list is virtualised, so every match can be shown. */
const MAX_ROWS = 250_000;
const SEARCH_DEBOUNCE_MS = 120;
/** A first screenful, read while the full list of a large district is still loading. */
const FIRST_PAGE = 100;

export interface CaseloadRow {
  /** No sensitive field in clear: the ID and phone cells open their own row when shown. */
  recipient: RecipientListItem;
  nextDue: string | null;
}

export interface CaseloadData {
  rows: CaseloadRow[] | undefined;
  total: number | undefined;
  /** True while a newer search than the rows shown is running. */
  stale: boolean;
  /** False while only the first page of a large list is shown. */
  complete: boolean;
}

/** One collator for all comparisons: `localeCompare(…, 'zh')` per pair is ~10× slower at 50,000 rows. */
const NAME_ORDER = new Intl.Collator('zh-CN');

function byNextDue(a: CaseloadRow, b: CaseloadRow): number {
  if (a.nextDue === b.nextDue) return NAME_ORDER.compare(a.recipient.name, b.recipient.name);
  if (a.nextDue === null) return 1;
  if (b.nextDue === null) return -1;
  return a.nextDue < b.nextDue ? -1 : 1;
}

export function useCaseload(today: string): CaseloadData {
  const { db } = useDbSession();
  const scopePrefix = useScopePrefix();
  const filters = useAppStore((s) => s.caseload);
  const text = useDebounced(filters.text.trim(), SEARCH_DEBOUNCE_MS);
  const stationPrefix = filters.communityCode ?? filters.streetCode ?? scopePrefix;
  const { categories, livingSituation, dedicatedStaffId, due } = filters;

  const queryKey = JSON.stringify([text, stationPrefix, categories, livingSituation, dedicatedStaffId, due, today]);
  const search = (limit: number) => async () => {
    const found = await searchRecipients(db, {
      text,
      stationPrefix,
      categories,
      livingSituation,
      dedicatedStaffId: dedicatedStaffId ?? undefined,
      dueStatus: due ? { kind: due, today } : undefined,
    }, limit);
    return { key: queryKey, found, complete: found.length < limit || limit === MAX_ROWS };
  };
  // Reading 50,000 rows from IndexedDB takes seconds; the first page shows within a blink.
  // The big reads (the full list, every pending occurrence for the next-due column) start
  // only once this query's first page is in: started together, they held the first rows of
  // a district's cold start back by seconds (npm run bench, figure 7).
  const firstPage = useLiveQuery(search(FIRST_PAGE), [db, queryKey]);
  const firstShown = firstPage?.key === queryKey;
  const full = useLiveQuery(async () => (firstShown ? search(MAX_ROWS)() : undefined), [db, queryKey, firstShown]);
  // While the next query's first page loads, the last full list stays on screen (marked stale).
  const [lastFull, setLastFull] = useState<typeof full>(undefined);
  useEffect(() => {
    if (full) setLastFull(full);
  }, [full]);
  const fullResult = full ?? lastFull;
  const result = fullResult?.key === queryKey ? fullResult : firstShown ? firstPage : fullResult ?? firstPage;

  const [warm, setWarm] = useState(false);
  useEffect(() => {
    if (firstShown) setWarm(true);
  }, [firstShown]);
  const nextDue = useLiveQuery(async () => (warm ? nextDueByRecipient(db, scopePrefix) : undefined), [db, scopePrefix, warm]);
  const total = useLiveQuery(() => db.recipients.where('stationCode').startsWith(scopePrefix).count(), [db, scopePrefix]);

  const rows = useMemo(() => {
    if (!result) return undefined;
    const list = result.found.map((recipient) => ({ recipient, nextDue: nextDue?.get(recipient.id) ?? null }));
    if (filters.sortByNextDue) list.sort(byNextDue);
    return list;
  }, [result, nextDue, filters.sortByNextDue]);

  const complete = result?.complete ?? false;
  return { rows, total, complete, stale: result !== undefined && (result.key !== queryKey || !complete || text !== filters.text.trim()) };
}
