import type { FestivalCode } from '../domain/enums';
import type { Duty, DutyOccurrence, Request } from '../domain/schemas';
import { FESTIVAL } from '../domain/enums';
import { addDays, compareDates } from '../calendar/shanghai';
import { isRequestOverdue } from '../requests/deadlines';

/** Birthdays and festivals are announced this many days ahead (issue 16). */
export const GREETING_NOTICE_DAYS = 3;

export interface DigestOccurrence extends Pick<DutyOccurrence, 'dueDate' | 'recipientId' | 'dutyId'> {
  /** Pending occurrences only are passed; the status is checked again to be safe. */
  status: DutyOccurrence['status'];
}

export interface DigestInput {
  today: string;
  /** Pending occurrences due on or before `today + GREETING_NOTICE_DAYS` (more are ignored). */
  occurrences: readonly DigestOccurrence[];
  /** Combat heroes and first-class merit holders (isHero): their counts come first. */
  heroRecipientIds: ReadonlySet<string>;
  /** The duties of the occurrences due after today (the greetings ahead): their kind and recurrence. */
  duties: ReadonlyMap<string, Pick<Duty, 'kind' | 'recurrence'>>;
  /** Recipients who celebrate a lunar birthday. */
  lunarBirthdayRecipientIds: ReadonlySet<string>;
  /** Requests in scope (any status: only open and in-progress ones can be overdue). */
  requests: readonly Pick<Request, 'status' | 'urgency' | 'openedAt'>[];
}

export interface DutyCounts {
  overdue: number;
  dueToday: number;
}

export interface MorningDigest {
  today: string;
  /** All duties, heroes' included. */
  duties: DutyCounts;
  /** The heroes' share of `duties`. */
  heroes: DutyCounts;
  overdueRequests: number;
  /** Birthday greetings due in the next GREETING_NOTICE_DAYS days (tomorrow on), and how many of them are lunar. */
  birthdaysAhead: { total: number; lunar: number };
  /** Festival greetings due in the next GREETING_NOTICE_DAYS days, per festival in calendar order. */
  festivalsAhead: { festival: FestivalCode; date: string; count: number }[];
}

/**
 * The counts of the morning reminder: today's due and overdue duties (the heroes' apart), the
 * overdue requests, and the birthday and festival greetings of the next three days, so that a
 * lunar date no one keeps in their head gets a few days' notice. Pure: `today` comes in.
 */
export function morningDigest(input: DigestInput): MorningDigest {
  const { today } = input;
  const horizon = addDays(today, GREETING_NOTICE_DAYS);
  const duties: DutyCounts = { overdue: 0, dueToday: 0 };
  const heroes: DutyCounts = { overdue: 0, dueToday: 0 };
  const birthdaysAhead = { total: 0, lunar: 0 };
  const festivals = new Map<FestivalCode, { date: string; count: number }>();

  for (const o of input.occurrences) {
    if (o.status !== 'pending') continue;
    const when = compareDates(o.dueDate, today);
    if (when <= 0) {
      const key = when < 0 ? 'overdue' : 'dueToday';
      duties[key] += 1;
      if (input.heroRecipientIds.has(o.recipientId)) heroes[key] += 1;
      continue;
    }
    if (compareDates(o.dueDate, horizon) > 0) continue;
    const duty = input.duties.get(o.dutyId);
    if (!duty) continue;
    if (duty.kind === 'birthday') {
      birthdaysAhead.total += 1;
      if (input.lunarBirthdayRecipientIds.has(o.recipientId)) birthdaysAhead.lunar += 1;
    } else if (duty.recurrence.type === 'festival') {
      const code = duty.recurrence.festival;
      const seen = festivals.get(code);
      festivals.set(code, { date: seen && compareDates(seen.date, o.dueDate) <= 0 ? seen.date : o.dueDate, count: (seen?.count ?? 0) + 1 });
    }
  }

  const order = FESTIVAL.values as readonly FestivalCode[];
  const festivalsAhead = [...festivals.entries()]
    .map(([festival, f]) => ({ festival, ...f }))
    .sort((a, b) => compareDates(a.date, b.date) || order.indexOf(a.festival) - order.indexOf(b.festival));
  return {
    today,
    duties,
    heroes,
    overdueRequests: input.requests.filter((r) => isRequestOverdue(r, today)).length,
    birthdaysAhead,
    festivalsAhead,
  };
}

/** Nothing overdue, nothing due today, nothing ahead: no notification is worth showing. */
export function isDigestEmpty(d: MorningDigest): boolean {
  return d.duties.overdue + d.duties.dueToday + d.overdueRequests + d.birthdaysAhead.total === 0 && d.festivalsAhead.length === 0;
}
