import { useDb } from '../../app/DbProvider';
import { useLiveQuery } from '../../db/live';
import { type RequestFilter, type RequestRow, requestRows } from '../../db/queries/requests';

export type { RequestFilter, RequestRow } from '../../db/queries/requests';

/** Requests in scope with their recipient and the visit that raised them; most urgent, then oldest, first. */
export function useRequestRows(filter: RequestFilter): RequestRow[] | undefined {
  const db = useDb();
  return useLiveQuery(
    () =>
      requestRows(db, { status: filter.status, urgency: filter.urgency, assignee: filter.assignee, stationPrefix: filter.stationPrefix }),
    [db, filter.status, filter.urgency, filter.assignee, filter.stationPrefix],
  );
}
