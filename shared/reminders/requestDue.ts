import type { Urgency } from '../domain/enums';
import type { Request } from '../domain/schemas';
import { addDays, compareDates, shanghaiDate } from '../calendar/shanghai';

/**
 * Days a request may stay open by its urgency (issue 16: urgent 1 day, high 3, normal 7). The
 * issue names no figure for 不急 (low): two weeks, twice the normal one. The request has no
 * stored due date: it is derived from the day it was opened, like an occurrence's overdue state.
 */
export const REQUEST_DUE_DAYS: Readonly<Record<Urgency, number>> = { critical: 1, high: 3, normal: 7, low: 14 };

export type RequestDueFacts = Pick<Request, 'status' | 'urgency' | 'openedAt'>;

/** The Shanghai date a request is due to be dealt with: the day it was opened plus its urgency's days. */
export function requestDueDate(request: Pick<Request, 'urgency' | 'openedAt'>): string {
  return addDays(shanghaiDate(request.openedAt), REQUEST_DUE_DAYS[request.urgency]);
}

/** Open or in progress and past its due date on `today` (due today is not overdue yet). */
export function isRequestOverdue(request: RequestDueFacts, today: string): boolean {
  if (request.status !== 'open' && request.status !== 'in_progress') return false;
  return compareDates(requestDueDate(request), today) < 0;
}
