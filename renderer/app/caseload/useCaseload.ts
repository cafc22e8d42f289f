import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Recipient } from '../../../shared/domain/schemas';
import { searchRecipients } from '../../db/queries';
import { useDbSession } from '../DbProvider';
import { useAppStore } from '../store';
import { useScopePrefix } from '../useScopePrefix';
import { nextDueByRecipient } from './nextDue';
import { useDebounced } from './useDebounced';

/** Far above a district's 50,000: the list is virtualised, so every match can be shown. */
const MAX_ROWS = 250_000;
const SEARCH_DEBOUNCE_MS = 120;

export interface CaseloadRow {
  recipient: Recipient;
  nextDue: string | null;
}

export interface CaseloadData {
  rows: CaseloadRow[] | undefined;
  total: number | undefined;
  /** True while a newer search than the rows shown is running. */
  stale: boolean;
}

function byNextDue(a: CaseloadRow, b: CaseloadRow): number {
  if (a.nextDue === b.nextDue) return a.recipient.name.localeCompare(b.recipient.name, 'zh');
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
  const result = useLiveQuery(async () => {
    const found = await searchRecipients(db, {
      text,
      stationPrefix,
      categories,
      livingSituation,
      dedicatedStaffId: dedicatedStaffId ?? undefined,
      dueStatus: due ? { kind: due, today } : undefined,
    }, MAX_ROWS);
    return { key: queryKey, found };
  }, [db, queryKey]);

  const nextDue = useLiveQuery(() => nextDueByRecipient(db, scopePrefix), [db, scopePrefix]);
  const total = useLiveQuery(() => db.recipients.where('stationCode').startsWith(scopePrefix).count(), [db, scopePrefix]);

  const rows = useMemo(() => {
    if (!result) return undefined;
    const list = result.found.map((recipient) => ({ recipient, nextDue: nextDue?.get(recipient.id) ?? null }));
    if (filters.sortByNextDue) list.sort(byNextDue);
    return list;
  }, [result, nextDue, filters.sortByNextDue]);

  return { rows, total, stale: result !== undefined && (result.key !== queryKey || text !== filters.text.trim()) };
}
