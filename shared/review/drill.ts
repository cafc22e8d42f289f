import { isHero } from '../domain/cadence';
import type { DutyKind, FundSource, REQUEST_TOPIC, RecipientStatus } from '../domain/enums';

type RequestTopic = (typeof REQUEST_TOPIC.values)[number];
import type { Aid, CategoryEntry, Duty, DutyOccurrence, Recipient, Request } from '../domain/schemas';
import { daysBetween, shanghaiDate } from '../calendar/shanghai';
import { reviewWeek } from './week';

/** The rows a station's drill-down reads (clear fields only). */
export interface DrillRows {
  recipients: readonly (Pick<Recipient, 'id' | 'name' | 'stationCode' | 'status' | 'statusDate'> & {
    categories: readonly Pick<CategoryEntry, 'code'>[];
  })[];
  duties: readonly Pick<Duty, 'id' | 'kind'>[];
  dutyOccurrences: readonly Pick<DutyOccurrence, 'id' | 'dutyId' | 'recipientId' | 'stationCode' | 'dueDate' | 'status' | 'doneAt'>[];
  aid: readonly Pick<Aid, 'id' | 'recipientId' | 'stationCode' | 'date' | 'fundSource' | 'amountFen' | 'voided'>[];
  requests: readonly Pick<Request, 'id' | 'recipientId' | 'stationCode' | 'topic' | 'status' | 'openedAt' | 'closedAt'>[];
}

export interface StationDetails {
  recipients: { id: string; name: string; status: RecipientStatus; hero: boolean }[];
  overdue: { id: string; recipientId: string; name: string; hero: boolean; kind: DutyKind | null; dueDate: string; daysOverdue: number }[];
  /** recipientId null: a caller not identified yet. */
  requests: { id: string; recipientId: string | null; name: string; topic: RequestTopic; opened: string; ageDays: number }[];
  aid: { id: string; recipientId: string; name: string; date: string; fundSource: FundSource; amountFen: number | null }[];
}

/**
 * What stands behind one review row: the same definitions as computeReview (definitions.ts),
 * listed record by record, heroes first. Recipients are those on the books at the week's end.
 */
export function stationDetails(rows: DrillRows, code: string, week: string, today: string): StationDetails {
  const { weekStart, weekEnd, asOf } = reviewWeek(week, today);
  const mine = <T extends { stationCode: string }>(list: readonly T[]) => list.filter((r) => r.stationCode.startsWith(code));
  const people = new Map(rows.recipients.map((r) => [r.id, { name: r.name, hero: isHero(r.categories) }]));
  const who = (id: string | null) => (id === null ? undefined : people.get(id)) ?? { name: '—', hero: false };
  const kinds = new Map(rows.duties.map((d) => [d.id, d.kind]));
  const heroesFirst = <T extends { hero: boolean }>(a: T, b: T) => Number(b.hero) - Number(a.hero);

  const recipients = mine(rows.recipients)
    .filter((r) => r.status === 'active' || (r.statusDate !== null && r.statusDate > asOf))
    .map((r) => ({ id: r.id, name: r.name, status: r.status, hero: isHero(r.categories) }))
    .sort((a, b) => heroesFirst(a, b) || a.name.localeCompare(b.name, 'zh'));
  const overdue = mine(rows.dutyOccurrences)
    .filter(
      (o) =>
        o.status !== 'cancelled' && o.dueDate < asOf && (o.status === 'pending' || (o.doneAt !== null && shanghaiDate(o.doneAt) > asOf)),
    )
    .map((o) => ({
      id: o.id,
      recipientId: o.recipientId,
      ...who(o.recipientId),
      kind: kinds.get(o.dutyId) ?? null,
      dueDate: o.dueDate,
      daysOverdue: daysBetween(o.dueDate, asOf),
    }))
    .sort((a, b) => heroesFirst(a, b) || b.daysOverdue - a.daysOverdue);
  const requests = mine(rows.requests)
    .map((q) => ({ q, opened: shanghaiDate(q.openedAt) }))
    .filter(
      ({ q, opened }) =>
        opened <= asOf && (q.closedAt !== null ? shanghaiDate(q.closedAt) > asOf : q.status === 'open' || q.status === 'in_progress'),
    )
    .map(({ q, opened }) => ({
      id: q.id,
      recipientId: q.recipientId,
      name: who(q.recipientId).name,
      topic: q.topic,
      opened,
      ageDays: daysBetween(opened, asOf),
    }))
    .sort((a, b) => b.ageDays - a.ageDays);
  const aid = mine(rows.aid)
    .filter((a) => !a.voided && a.date >= weekStart && a.date <= weekEnd)
    .map((a) => ({
      id: a.id,
      recipientId: a.recipientId,
      name: who(a.recipientId).name,
      date: a.date,
      fundSource: a.fundSource,
      amountFen: a.amountFen,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { recipients, overdue, requests, aid };
}
