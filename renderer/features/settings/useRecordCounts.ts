import { useDb } from '../../app/DbProvider';
import { useLiveQuery } from '../../db/live';
import { type RecordCounts, recordCounts } from '../../db/queries/settings';

export type { RecordCounts } from '../../db/queries/settings';

/** Row counts of the local database, live. */
export function useRecordCounts(): RecordCounts | undefined {
  const db = useDb();
  return useLiveQuery(() => recordCounts(db), [db]);
}
