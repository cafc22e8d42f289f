import { isHero } from '../domain/cadence';
import type { Aid, Attachment, CategoryEntry, Duty, DutyOccurrence, Recipient, Request, Visit } from '../domain/schemas';
import { addDays, daysBetween, mondayOf, shanghaiDate } from '../calendar/shanghai';
import type { Urgency } from '../domain/enums';
import { DUE_DAYS, tierAfter } from '../requests/deadlines';
import type { Review, StationFigures } from './api';
import { PHOTO_MIMES, VISIT_DUTY_KINDS, emptyAid, rowCodeOf, rowLevelOf, treeRowCodes } from './definitions';
import { last12Months, last52Weeks, reviewWeek } from './week';

/** The plain rows a review is computed from (all of the scope; deleted rows left out). */
export interface ReviewRows {
  recipients: readonly (Pick<Recipient, 'id' | 'stationCode' | 'status' | 'statusDate'> & {
    categories: readonly Pick<CategoryEntry, 'code'>[];
  })[];
  duties: readonly Pick<Duty, 'id' | 'kind'>[];
  dutyOccurrences: readonly Pick<DutyOccurrence, 'dutyId' | 'recipientId' | 'stationCode' | 'dueDate' | 'status' | 'doneAt'>[];
  visits: readonly Pick<Visit, 'id' | 'stationCode' | 'visitedAt'>[];
  aid: readonly Pick<Aid, 'stationCode' | 'date' | 'fundSource' | 'amountFen' | 'voided'>[];
  /** `urgency` may be null for a request closed before the week (a device reads it only where it counts). */
  requests: readonly (Pick<Request, 'stationCode' | 'status' | 'openedAt' | 'closedAt'> & { urgency: Urgency | null })[];
  attachments: readonly Pick<Attachment, 'ownerTable' | 'ownerId' | 'mime' | 'withdrawn'>[];
}

export interface ReviewOptions {
  /** The station reviewed (a prefix: the city, a district, a street or a community). */
  scope: string;
  /** Any day of the week reviewed. */
  week: string;
  /** Today in Shanghai: the as-of day of a week not over yet. */
  today: string;
  /** Last sync per review row code, when known. */
  lastSync?: ReadonlyMap<string, string>;
}

/** A row with every figure zero. */
export function emptyFigures(code: string): StationFigures {
  return {
    code,
    recipients: 0,
    visitsDue: 0,
    visitsDone: 0,
    overdue: 0,
    heroesOverdue: 0,
    visitsLogged: 0,
    visitsWithPhotos: 0,
    aid: emptyAid(),
    openRequests: 0,
    escalatedRequests: 0,
    oldestRequestDays: null,
    lastSyncAt: null,
  };
}

/** The district review of a scope and week, from plain rows (see definitions.ts for every figure). */
export function computeReview(rows: ReviewRows, opts: ReviewOptions): Review {
  const { weekStart, weekEnd, asOf } = reviewWeek(opts.week, opts.today);
  const level = rowLevelOf(opts.scope);
  const inScope = (code: string) => code.startsWith(opts.scope);
  const byCode = new Map<string, StationFigures>();
  for (const code of treeRowCodes(opts.scope)) byCode.set(code, emptyFigures(code));
  const row = (stationCode: string): StationFigures => {
    const code = rowCodeOf(stationCode, level);
    let r = byCode.get(code);
    if (!r) {
      r = emptyFigures(code);
      byCode.set(code, r);
    }
    return r;
  };

  const heroes = new Set<string>();
  for (const r of rows.recipients) {
    if (isHero(r.categories)) heroes.add(r.id);
    if (!inScope(r.stationCode)) continue;
    if (r.status === 'active' || (r.statusDate !== null && r.statusDate > asOf)) row(r.stationCode).recipients += 1;
  }

  const visitDuties = new Set(rows.duties.filter((d) => VISIT_DUTY_KINDS.includes(d.kind)).map((d) => d.id));
  for (const o of rows.dutyOccurrences) {
    if (!inScope(o.stationCode) || o.status === 'cancelled') continue;
    if (o.dueDate >= weekStart && o.dueDate <= weekEnd && visitDuties.has(o.dutyId)) {
      const r = row(o.stationCode);
      r.visitsDue += 1;
      if (o.status === 'done') r.visitsDone += 1;
    }
    const openAtAsOf = o.status === 'pending' || (o.doneAt !== null && shanghaiDate(o.doneAt) > asOf);
    if (o.dueDate < asOf && openAtAsOf) {
      const r = row(o.stationCode);
      r.overdue += 1;
      if (heroes.has(o.recipientId)) r.heroesOverdue += 1;
    }
  }

  const withPhotos = new Set<string>();
  for (const a of rows.attachments) {
    if (a.ownerTable === 'visits' && !a.withdrawn && PHOTO_MIMES.includes(a.mime)) withPhotos.add(a.ownerId);
  }
  const weeks = last52Weeks(weekStart);
  const visitsPerWeek = new Map(weeks.map((w) => [w, 0]));
  for (const v of rows.visits) {
    if (!inScope(v.stationCode)) continue;
    const day = shanghaiDate(v.visitedAt);
    if (day >= weekStart && day <= weekEnd) {
      const r = row(v.stationCode);
      r.visitsLogged += 1;
      if (withPhotos.has(v.id)) r.visitsWithPhotos += 1;
    }
    const monday = mondayOf(day);
    const n = visitsPerWeek.get(monday);
    if (n !== undefined && day <= weekEnd) visitsPerWeek.set(monday, n + 1);
  }

  const months = last12Months(weekEnd);
  const firstDay = `${months[0]!}-01`;
  const perMonth = new Map<string, { count: number; fen: number }>();
  for (const a of rows.aid) {
    if (!inScope(a.stationCode) || a.voided) continue;
    const fen = a.amountFen ?? 0;
    if (a.date >= weekStart && a.date <= weekEnd) {
      const f = row(a.stationCode).aid[a.fundSource];
      f.count += 1;
      f.fen += fen;
    }
    if (a.date >= firstDay && a.date <= weekEnd) {
      const key = `${a.date.slice(0, 7)}|${a.fundSource}`;
      const m = perMonth.get(key) ?? { count: 0, fen: 0 };
      m.count += 1;
      m.fen += fen;
      perMonth.set(key, m);
    }
  }

  for (const q of rows.requests) {
    if (!inScope(q.stationCode)) continue;
    const opened = shanghaiDate(q.openedAt);
    if (opened > asOf) continue;
    const open = q.closedAt !== null ? shanghaiDate(q.closedAt) > asOf : q.status === 'open' || q.status === 'in_progress';
    if (!open) continue;
    const r = row(q.stationCode);
    r.openRequests += 1;
    if (q.urgency !== null && tierAfter(daysBetween(addDays(opened, DUE_DAYS[q.urgency]), asOf)) !== 'station') r.escalatedRequests += 1;
    const age = daysBetween(opened, asOf);
    r.oldestRequestDays = r.oldestRequestDays === null ? age : Math.max(r.oldestRequestDays, age);
  }

  for (const [code, at] of opts.lastSync ?? []) {
    const r = byCode.get(code);
    if (r) r.lastSyncAt = at;
  }

  const funds = Object.keys(emptyAid()) as (keyof ReturnType<typeof emptyAid>)[];
  return {
    scope: opts.scope,
    weekStart,
    weekEnd,
    asOf,
    rowLevel: level,
    stations: [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    trends: {
      aidByMonth: months.flatMap((month) =>
        funds.map((fund) => ({ month, fund, ...(perMonth.get(`${month}|${fund}`) ?? { count: 0, fen: 0 }) })),
      ),
      visitsByWeek: weeks.map((w) => ({ weekStart: w, count: visitsPerWeek.get(w) ?? 0 })),
    },
  };
}
