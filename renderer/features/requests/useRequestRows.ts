import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/DbProvider';
import type { RequestStatus, Urgency } from '../../../shared/domain/enums';
import type { Recipient, Request, Visit } from '../../../shared/domain/schemas';

export interface RequestFilter {
  /** 'active' = open or in progress. */
  status: RequestStatus | 'active' | 'all';
  urgency: Urgency | 'all';
  /** A staff id, 'unassigned', or 'all'. */
  assignee: string;
  stationPrefix: string;
}

export interface RequestRow {
  request: Request;
  recipient: Recipient | undefined;
  visit: Visit | undefined;
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** Requests in scope with their recipient and the visit that raised them; most urgent, then oldest, first. */
export function useRequestRows(filter: RequestFilter): RequestRow[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const statuses: RequestStatus[] | null = filter.status === 'all' ? null : filter.status === 'active' ? ['open', 'in_progress'] : [filter.status];
    const stored = statuses ? await db.requests.where('status').anyOf(statuses).toArray() : await db.requests.toArray();
    const requests = stored
      .map((r) => db.codec.decode('requests', r))
      .filter((r) => r.stationCode.startsWith(filter.stationPrefix))
      .filter((r) => filter.urgency === 'all' || r.urgency === filter.urgency)
      .filter((r) => filter.assignee === 'all' || (filter.assignee === 'unassigned' ? r.assigneeId === null : r.assigneeId === filter.assignee));
    const recipients = await db.recipients.bulkGet([...new Set(requests.map((r) => r.recipientId))]);
    const visits = await db.visits.bulkGet([...new Set(requests.flatMap((r) => (r.visitId ? [r.visitId] : [])))]);
    const recipientById = new Map(recipients.flatMap((r) => (r ? [[r.id, db.codec.decode('recipients', r)] as const] : [])));
    const visitById = new Map(visits.flatMap((v) => (v ? [[v.id, db.codec.decode('visits', v)] as const] : [])));
    return requests
      .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.openedAt.localeCompare(b.openedAt))
      .map((request) => ({
        request,
        recipient: recipientById.get(request.recipientId),
        visit: request.visitId ? visitById.get(request.visitId) : undefined,
      }));
  }, [db, filter.status, filter.urgency, filter.assignee, filter.stationPrefix]);
}
