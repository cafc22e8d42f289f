import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/DbProvider';

export interface RecordCounts {
  recipients: number;
  visits: number;
  aid: number;
  duties: number;
  occurrences: number;
  requests: number;
  staff: number;
  outbox: number;
}

/** Row counts of the local database; `count()` reads the primary index only. */
export function useRecordCounts(): RecordCounts | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [recipients, visits, aid, duties, occurrences, requests, staff, outbox] = await Promise.all([
      db.recipients.count(), db.visits.count(), db.aid.count(), db.duties.count(),
      db.dutyOccurrences.count(), db.requests.count(), db.staff.count(), db.outbox.count(),
    ]);
    return { recipients, visits, aid, duties, occurrences, requests, staff, outbox };
  }, [db]);
}
