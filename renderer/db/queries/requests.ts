import type { RequestStatus, Urgency } from '../../../shared/domain/enums';
import type { Recipient, Request } from '../../../shared/domain/schemas';
import type { EntitySummary } from '../codec';
import type { YoufuDb } from '../database';
import { openRows } from './rows';

/** The requests page's reads. */
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
  /** Opened (the line shows the name): only the recipients of the requests listed. */
  recipient: Recipient | undefined;
  visit: EntitySummary<'visits'> | undefined;
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** Requests in scope with their recipient and the visit that raised them; most urgent, then oldest, first. */
export async function requestRows(db: YoufuDb, filter: RequestFilter): Promise<RequestRow[]> {
  const statuses: RequestStatus[] | null =
    filter.status === 'all' ? null : filter.status === 'active' ? ['open', 'in_progress'] : [filter.status];
  const stored = statuses ? await db.requests.where('status').anyOf(statuses).toArray() : await db.requests.toArray();
  // Filter on clear fields first; only the requests listed are opened (the list shows each
  // description), and the urgency (sealed) is filtered once they are.
  const listed = stored
    .filter((r) => r.stationCode.startsWith(filter.stationPrefix))
    .filter(
      (r) => filter.assignee === 'all' || (filter.assignee === 'unassigned' ? r.assigneeId === null : r.assigneeId === filter.assignee),
    );
  const recipients = await db.recipients.bulkGet([...new Set(listed.flatMap((r) => (r.recipientId ? [r.recipientId] : [])))]);
  const visits = await db.visits.bulkGet([...new Set(listed.flatMap((r) => (r.visitId ? [r.visitId] : [])))]);
  const visitById = new Map(visits.flatMap((v) => (v ? [[v.id, db.codec.decodeSummary('visits', v)] as const] : [])));
  // After every Dexie read, so the live query still tracks them all.
  const [requests, opened] = await Promise.all([
    Promise.all(listed.map((r) => db.codec.decode('requests', r))),
    openRows(db, 'recipients', recipients),
  ]);
  const recipientById = new Map(opened.map((r) => [r.id, r] as const));
  return requests
    .filter((r) => filter.urgency === 'all' || r.urgency === filter.urgency)
    .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.openedAt.localeCompare(b.openedAt))
    .map((request) => ({
      request,
      recipient: request.recipientId === null ? undefined : recipientById.get(request.recipientId),
      visit: request.visitId ? visitById.get(request.visitId) : undefined,
    }));
}
