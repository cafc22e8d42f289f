import { addDays, daysBetween, shanghaiDate } from '../calendar/shanghai';
import type { Urgency } from '../domain/enums';
import type { Request } from '../domain/schemas';

/**
 * When a request is due, when it is overdue, and when an overdue one escalates up the tiers
 * (issue 16): one rule for every screen, the server's review and the reminders.
 *
 * - Due: the opening day (Asia/Shanghai) plus the days its urgency gives: 特急 1, 紧急 3,
 *   一般 7, 不急 14.
 * - Overdue: still open or in progress after its due day.
 * - Escalation: overdue for more than ESCALATE_AFTER_DAYS.street days, the street office
 *   sees it among its own; more than ESCALATE_AFTER_DAYS.district, the district does too.
 *   A request referred up (已上报) or resolved is no longer the station's to escalate.
 */
export const DUE_DAYS: Readonly<Record<Urgency, number>> = { critical: 1, high: 3, normal: 7, low: 14 };

export const ESCALATE_AFTER_DAYS = { street: 3, district: 7 } as const;

export type EscalationTier = 'station' | 'street' | 'district';

type Timed = Pick<Request, 'openedAt' | 'urgency' | 'status'>;

export function requestDueDate(r: Pick<Request, 'openedAt' | 'urgency'>): string {
  return addDays(shanghaiDate(r.openedAt), DUE_DAYS[r.urgency]);
}

const isActive = (r: Pick<Request, 'status'>): boolean => r.status === 'open' || r.status === 'in_progress';

/** Days past its due day (0 when not overdue, or no longer the station's). */
export function daysOverdue(r: Timed, today: string): number {
  if (!isActive(r)) return 0;
  return Math.max(0, daysBetween(requestDueDate(r), today));
}

export function isRequestOverdue(r: Timed, today: string): boolean {
  return daysOverdue(r, today) > 0;
}

/** The tier a request this many days past its due day has reached. */
export function tierAfter(daysLate: number): EscalationTier {
  if (daysLate > ESCALATE_AFTER_DAYS.district) return 'district';
  if (daysLate > ESCALATE_AFTER_DAYS.street) return 'street';
  return 'station';
}

/** The highest tier that should see the request among its own today. */
export function escalationTier(r: Timed, today: string): EscalationTier {
  return tierAfter(daysOverdue(r, today));
}

/** Whether a tier's list of escalated requests holds this one (a district sees only what reached it). */
export function escalatedTo(r: Timed, tier: Exclude<EscalationTier, 'station'>, today: string): boolean {
  const reached = escalationTier(r, today);
  return tier === 'street' ? reached === 'street' || reached === 'district' : reached === 'district';
}
