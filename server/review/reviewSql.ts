import { HERO_CATEGORIES } from '../../shared/domain/cadence';
import type { FundSource } from '../../shared/domain/enums';
import { FUND_SOURCE } from '../../shared/domain/enums';
import type { Review, StationFigures } from '../../shared/review/api';
import { emptyFigures } from '../../shared/review/compute';
import { CODE_LENGTH, PHOTO_MIMES, VISIT_DUTY_KINDS, emptyAid, rowLevelOf, treeRowCodes } from '../../shared/review/definitions';
import { SHANGHAI_OFFSET_HOURS, addDays } from '../../shared/calendar/shanghai';
import { last12Months, last52Weeks, reviewWeek } from '../../shared/review/week';
import { DUE_DAYS, ESCALATE_AFTER_DAYS } from '../../shared/requests/deadlines';
import type { Queryable, SqlParam } from '../db/db';
import { toNumber } from '../db/db';
import { scopeCondition } from '../scope';

/**
 * The district review in SQL over the jsonb `rows` table, within one scope prefix. It
 * implements shared/review/definitions.ts figure by figure, like computeReview does on plain
 * rows; review.test.ts checks that both agree on the demo data.
 */

/** The Shanghai calendar date of a jsonb timestamp field (no time zone names: PGlite and PostgreSQL alike). */
const shanghaiDay = (expr: string) => `((((${expr})::timestamptz AT TIME ZONE 'UTC') + interval '${SHANGHAI_OFFSET_HOURS} hours')::date)`;
/** A text range that holds every ISO instant whose Shanghai date lies in [from, to] (any offset is within a day). */
const instantRange = (from: string, to: string) => ({ lo: addDays(from, -1), hi: addDays(to, 2) });
const textCol = (field: string, alias = '') => `((${alias}data ->> '${field}') COLLATE "C")`;

/** Words from our own enums only, never from a request: safe to inline. */
const sqlList = (words: readonly string[]) => words.map((w) => `'${w.replace(/[^a-z_]/g, '')}'`).join(', ');
const heroCondition = (col: string) =>
  `(${HERO_CATEGORIES.map((c) => `${col} -> 'categories' @> '[{"code":"${c.replace(/[^a-z_]/g, '')}"}]'::jsonb`).join(' OR ')})`;

interface Ctx {
  params: SqlParam[];
  scope: string;
}

/** Builds a query whose $1 is the row code length and whose scope range follows. */
function base(scope: string, len: number): Ctx & { where: (col: string) => string } {
  const params: SqlParam[] = [len];
  return {
    params,
    scope,
    where: (col) => scopeCondition(col, [scope], params),
  };
}

function add(ctx: Ctx, v: SqlParam): string {
  ctx.params.push(v);
  return `$${ctx.params.length}`;
}

export async function reviewFromSql(db: Queryable, opts: { scope: string; week: string; today: string }): Promise<Review> {
  const { weekStart, weekEnd, asOf } = reviewWeek(opts.week, opts.today);
  const level = rowLevelOf(opts.scope);
  const len = CODE_LENGTH[level];
  const byCode = new Map<string, StationFigures>();
  for (const code of treeRowCodes(opts.scope)) byCode.set(code, emptyFigures(code));
  const row = (code: string): StationFigures => {
    let r = byCode.get(code);
    if (!r) {
      r = emptyFigures(code);
      byCode.set(code, r);
    }
    return r;
  };

  {
    const q = base(opts.scope, len);
    const sql = `SELECT left(station_code, $1) AS code, count(*) AS n FROM rows
      WHERE table_name = 'recipients' AND NOT deleted AND ${q.where('station_code')}
        AND (data ->> 'status' = 'active' OR (data ->> 'statusDate')::date > ${add(q, asOf)}::date)
      GROUP BY 1`;
    for (const r of await db.query<{ code: string; n: unknown }>(sql, q.params)) row(r.code).recipients = toNumber(r.n);
  }

  {
    const q = base(opts.scope, len);
    const sql = `SELECT left(o.station_code, $1) AS code, count(*) AS due,
        count(*) FILTER (WHERE o.data ->> 'status' = 'done') AS done
      FROM rows o JOIN rows d ON d.table_name = 'duties' AND d.row_id = o.data ->> 'dutyId' AND NOT d.deleted
      WHERE o.table_name = 'dutyOccurrences' AND NOT o.deleted AND ${q.where('o.station_code')}
        AND o.data ->> 'status' <> 'cancelled'
        AND ${textCol('dueDate', 'o.')} BETWEEN ${add(q, weekStart)} AND ${add(q, weekEnd)}
        AND d.data ->> 'kind' IN (${sqlList(VISIT_DUTY_KINDS)})
      GROUP BY 1`;
    for (const r of await db.query<{ code: string; due: unknown; done: unknown }>(sql, q.params)) {
      const f = row(r.code);
      f.visitsDue = toNumber(r.due);
      f.visitsDone = toNumber(r.done);
    }
  }

  {
    const q = base(opts.scope, len);
    const a = add(q, asOf);
    const sql = `SELECT left(o.station_code, $1) AS code, count(*) AS n,
        count(*) FILTER (WHERE r.row_id IS NOT NULL AND ${heroCondition('r.data')}) AS heroes
      FROM rows o LEFT JOIN rows r ON r.table_name = 'recipients' AND r.row_id = o.data ->> 'recipientId' AND NOT r.deleted
      WHERE o.table_name = 'dutyOccurrences' AND NOT o.deleted AND ${q.where('o.station_code')}
        AND o.data ->> 'status' <> 'cancelled'
        AND (o.data ->> 'dueDate')::date < ${a}::date
        AND (o.data ->> 'status' = 'pending'
          OR (${textCol('doneAt', 'o.')} >= ${add(q, asOf)} AND ${shanghaiDay("o.data ->> 'doneAt'")} > ${a}::date))
      GROUP BY 1`;
    for (const r of await db.query<{ code: string; n: unknown; heroes: unknown }>(sql, q.params)) {
      const f = row(r.code);
      f.overdue = toNumber(r.n);
      f.heroesOverdue = toNumber(r.heroes);
    }
  }

  const weeks = last52Weeks(weekStart);
  const visitsPerWeek = new Map(weeks.map((w) => [w, 0]));
  {
    const q = base(opts.scope, len);
    const day = shanghaiDay("data ->> 'visitedAt'");
    const ws = add(q, weekStart);
    const photos = `SELECT DISTINCT data ->> 'ownerId' AS visit_id FROM rows
      WHERE table_name = 'attachments' AND NOT deleted AND ${q.where('station_code')}
        AND data ->> 'ownerTable' = 'visits' AND NOT (data ->> 'withdrawn')::boolean
        AND data ->> 'mime' IN (${PHOTO_MIMES.map((m) => `'${m.replace(/[^a-z/]/g, '')}'`).join(', ')})`;
    const sql = `SELECT code, to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week, count(*) AS n,
        count(*) FILTER (WHERE day >= ${ws}::date) AS in_week,
        count(*) FILTER (WHERE day >= ${ws}::date AND p.visit_id IS NOT NULL) AS in_week_photos
      FROM (SELECT row_id, left(station_code, $1) AS code, ${day} AS day FROM rows
            WHERE table_name = 'visits' AND NOT deleted AND ${q.where('station_code')}
              AND ${textCol('visitedAt')} >= ${add(q, instantRange(weeks[0]!, weekEnd).lo)} AND ${textCol('visitedAt')} < ${add(q, instantRange(weeks[0]!, weekEnd).hi)}) v
      LEFT JOIN (${photos}) p ON p.visit_id = v.row_id
      WHERE day BETWEEN ${add(q, weeks[0]!)}::date AND ${add(q, weekEnd)}::date
      GROUP BY 1, 2`;
    for (const r of await db.query<{ code: string; week: string; n: unknown; in_week: unknown; in_week_photos: unknown }>(sql, q.params)) {
      const inWeek = toNumber(r.in_week);
      if (inWeek > 0) {
        const f = row(r.code);
        f.visitsLogged += inWeek;
        f.visitsWithPhotos += toNumber(r.in_week_photos);
      }
      visitsPerWeek.set(r.week, (visitsPerWeek.get(r.week) ?? 0) + toNumber(r.n));
    }
  }

  const months = last12Months(weekEnd);
  const perMonth = new Map<string, { count: number; fen: number }>();
  {
    const q = base(opts.scope, len);
    const ws = add(q, weekStart);
    const sql = `SELECT left(station_code, $1) AS code, data ->> 'fundSource' AS fund, to_char((data ->> 'date')::date, 'YYYY-MM') AS month,
        (data ->> 'date')::date >= ${ws}::date AS in_week,
        count(*) AS n, coalesce(sum((data ->> 'amountFen')::bigint), 0) AS fen
      FROM rows
      WHERE table_name = 'aid' AND NOT deleted AND ${q.where('station_code')}
        AND NOT (data ->> 'voided')::boolean
        AND ${textCol('date')} BETWEEN ${add(q, `${months[0]!}-01`)} AND ${add(q, weekEnd)}
      GROUP BY 1, 2, 3, 4`;
    for (const r of await db.query<{ code: string; fund: string; month: string; in_week: boolean; n: unknown; fen: unknown }>(
      sql,
      q.params,
    )) {
      if (!(FUND_SOURCE.values as readonly string[]).includes(r.fund)) continue;
      const fund = r.fund as FundSource;
      const n = toNumber(r.n);
      const fen = toNumber(r.fen);
      if (r.in_week) {
        const f = row(r.code).aid[fund];
        f.count += n;
        f.fen += fen;
      }
      const key = `${r.month}|${fund}`;
      const m = perMonth.get(key) ?? { count: 0, fen: 0 };
      m.count += n;
      m.fen += fen;
      perMonth.set(key, m);
    }
  }

  {
    const q = base(opts.scope, len);
    const a = add(q, asOf);
    // Escalated: more than ESCALATE_AFTER_DAYS.street days past the due day its urgency gives.
    const dueDays = `CASE urgency ${Object.entries(DUE_DAYS)
      .map(([u, d]) => `WHEN '${u.replace(/[^a-z_]/g, '')}' THEN ${Number(d)}`)
      .join(' ')} ELSE NULL END`;
    const sql = `SELECT code, count(*) AS n, max(${a}::date - opened) AS oldest,
        count(*) FILTER (WHERE ${a}::date - (opened + ${dueDays}) > ${Number(ESCALATE_AFTER_DAYS.street)}) AS escalated
      FROM (SELECT left(station_code, $1) AS code, data ->> 'status' AS status, data ->> 'urgency' AS urgency, ${shanghaiDay("data ->> 'openedAt'")} AS opened,
              CASE WHEN data ->> 'closedAt' IS NULL THEN NULL ELSE ${shanghaiDay("data ->> 'closedAt'")} END AS closed
            FROM rows WHERE table_name = 'requests' AND NOT deleted AND ${q.where('station_code')}) r
      WHERE opened <= ${a}::date
        AND (CASE WHEN closed IS NOT NULL THEN closed > ${a}::date ELSE status IN ('open', 'in_progress') END)
      GROUP BY 1`;
    for (const r of await db.query<{ code: string; n: unknown; oldest: unknown; escalated: unknown }>(sql, q.params)) {
      const f = row(r.code);
      f.openRequests = toNumber(r.n);
      f.escalatedRequests = toNumber(r.escalated);
      f.oldestRequestDays = toNumber(r.oldest);
    }
  }

  {
    const q = base(opts.scope, len);
    const sql = `SELECT left(a.station_code, $1) AS code, max(c.updated_at) AS at
      FROM client_state c JOIN accounts a ON a.id = c.account_id
      WHERE ${q.where('a.station_code')} GROUP BY 1`;
    for (const r of await db.query<{ code: string; at: Date | string | null }>(sql, q.params)) {
      const f = byCode.get(r.code);
      if (f && r.at !== null) f.lastSyncAt = new Date(r.at).toISOString();
    }
  }

  const funds = Object.keys(emptyAid()) as FundSource[];
  return {
    scope: opts.scope,
    weekStart,
    weekEnd,
    asOf,
    rowLevel: level,
    stations: [...byCode.values()].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)),
    trends: {
      aidByMonth: months.flatMap((month) =>
        funds.map((fund) => ({ month, fund, ...(perMonth.get(`${month}|${fund}`) ?? { count: 0, fen: 0 }) })),
      ),
      visitsByWeek: weeks.map((w) => ({ weekStart: w, count: visitsPerWeek.get(w) ?? 0 })),
    },
  };
}
