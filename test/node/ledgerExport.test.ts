import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMUNITY_CODE, DEMO_STREET_CODE, DEMO_TODAY, generateDemoRows } from '../../shared/demo';
import type { Attachment } from '../../shared/domain/schemas';
import { CATEGORY, DUTY_KIND, FUND_SOURCE, OCCURRENCE_STATUS, REQUEST_STATUS } from '../../shared/domain/enums';
import { LEDGER_SHEETS, type LedgerData, ledgerDataFrom, writeLedger } from '../../shared/ledger';
import { shanghaiDate } from '../../shared/calendar/shanghai';
import { VISIT_DUTY_KINDS, computeReview, reviewWeek } from '../../shared/review';
import { stationPathName } from '../../shared/stations/tree';
import { type XlsxSheet, readXlsx, sheetRecords } from '../support/xlsxReader';

/**
 * Issue 6 "done when": an exported ledger, read back by a second reader that shares nothing
 * with exceljs (test/support/xlsxReader.ts), gives the same counts and sums as the domain rows,
 * and the same week figures as the district review's computation.
 */
const SCOPE = '440304';

type Evidence = Pick<Attachment, 'recipientId' | 'ownerTable' | 'ownerId' | 'mime' | 'withdrawn'>;

/** A number from a record id, to spread evidence over the demo rows without following their order. */
const spread = (id: string): number => Number.parseInt(id.slice(-4), 16);

function demoData(): LedgerData & { attachments: Evidence[] } {
  const data: LedgerData & { attachments: Evidence[] } = {
    ...ledgerDataFrom(generateDemoRows({ recipients: 240, seed: 11, today: DEMO_TODAY })),
    attachments: [],
  };
  // Evidence: two photos on a third of the visits (one withdrawn on some), a signature on a
  // quarter of the aid, an ID card copy on a fifth of the profiles.
  const photo = (recipientId: string, ownerTable: Evidence['ownerTable'], ownerId: string, mime: Evidence['mime'], withdrawn = false) =>
    data.attachments.push({ recipientId, ownerTable, ownerId, mime, withdrawn });
  for (const v of data.visits) {
    if (spread(v.id) % 3 !== 0) continue;
    photo(v.recipientId, 'visits', v.id, 'image/jpeg');
    photo(v.recipientId, 'visits', v.id, 'image/webp', spread(v.id) % 2 === 0);
  }
  for (const a of data.aid) if (spread(a.id) % 4 === 0) photo(a.recipientId, 'aid', a.id, 'image/png');
  for (const r of data.recipients) if (spread(r.id) % 5 === 0) photo(r.id, 'recipients', r.id, 'application/pdf');
  return data;
}

type Rec = Record<string, string | number | null>;

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

const inScope = (r: { stationCode: string }, scope = SCOPE): boolean => r.stationCode.startsWith(scope);
const yuanToFen = (v: string | number | null | undefined): number => (typeof v === 'number' ? Math.round(v * 100) : 0);

describe('exported ledger read back by an independent reader', () => {
  let data: ReturnType<typeof demoData>;
  let sheets: XlsxSheet[];
  let records: Record<string, Rec[]>;

  beforeAll(async () => {
    data = demoData();
    sheets = readXlsx(await writeLedger(data, { scope: SCOPE, fullIdNumbers: true }));
    records = Object.fromEntries(sheets.map((s) => [s.name, sheetRecords(s)]));
  });

  it('has the five sheets with their Chinese headers', () => {
    expect(sheets.map((s) => s.name)).toEqual(['优抚对象', '走访记录', '帮扶记录', '服务任务', '诉求']);
    for (const layout of LEDGER_SHEETS) {
      const sheet = sheets.find((s) => s.name === layout.zh)!;
      expect(sheet.rows[0]!.map((c) => c.value)).toEqual(layout.columns.map((c) => c.zh));
    }
  });

  it('counts recipients per station, visits, duties and open requests as the domain rows do', () => {
    const recipients = data.recipients.filter((r) => inScope(r));
    expect(recipients.length).toBeGreaterThan(50);
    expect(countBy(records['优抚对象']!, (r) => String(r['服务站']))).toEqual(countBy(recipients, (r) => stationPathName(r.stationCode)));
    expect(records['走访记录']!.length).toBe(data.visits.filter((v) => inScope(v)).length);
    expect(records['服务任务']!.length).toBe(data.dutyOccurrences.filter((o) => inScope(o)).length);
    const openLabels = new Set([REQUEST_STATUS.labels.open.zh, REQUEST_STATUS.labels.in_progress.zh]);
    const open = data.requests.filter((q) => inScope(q) && (q.status === 'open' || q.status === 'in_progress')).length;
    expect(open).toBeGreaterThan(0);
    expect(records['诉求']!.filter((q) => openLabels.has(String(q['办理状态']))).length).toBe(open);
  });

  it('gives aid count and amount by fund exactly, in fen', () => {
    const aid = data.aid.filter((a) => inScope(a));
    for (const fund of FUND_SOURCE.values) {
      const domain = aid.filter((a) => a.fundSource === fund);
      const ledger = records['帮扶记录']!.filter((a) => a['资金来源'] === FUND_SOURCE.labels[fund].zh);
      expect(ledger.length, fund).toBe(domain.length);
      expect(
        ledger.reduce((s, a) => s + yuanToFen(a['金额（元）']), 0),
        fund,
      ).toBe(domain.reduce((s, a) => s + (a.amountFen ?? 0), 0));
    }
    expect(aid.some((a) => a.amountFen !== null)).toBe(true);
  });

  it('writes real dates and money as numbers with their formats, ID numbers as text', () => {
    const aid = sheets.find((s) => s.name === '帮扶记录')!;
    const header = aid.rows[0]!.map((c) => c.value);
    const money = header.indexOf('金额（元）');
    const date = header.indexOf('日期');
    const withAmount = aid.rows.slice(1).find((r) => typeof r[money]?.value === 'number')!;
    expect(withAmount[money]!.format).toBe('#,##0.00');
    expect(withAmount[date]!.format).toBe('yyyy-mm-dd');
    expect(withAmount[date]!.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const first = data.recipients
      .filter((r) => inScope(r))
      .sort((a, b) => (`${a.stationCode}|${a.idNumber}` < `${b.stationCode}|${b.idNumber}` ? -1 : 1))[0]!;
    expect(records['优抚对象']![0]!['身份证号']).toBe(first.idNumber);
  });

  it('masks ID numbers unless full ones are chosen', async () => {
    const masked = readXlsx(await writeLedger(data, { scope: DEMO_COMMUNITY_CODE, fullIdNumbers: false }));
    const ids = sheetRecords(masked[0]!).map((r) => String(r['身份证号']));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });

  /** The review's week figures, computed again from nothing but the ledger file's cells. */
  function ledgerWeekFigures(scopeSheets: Record<string, Rec[]>, week: string) {
    const { weekStart, weekEnd, asOf } = reviewWeek(week, DEMO_TODAY);
    const day = (v: string | number | null | undefined): string => String(v ?? '').slice(0, 10);
    const heroLabels = [CATEGORY.labels.combat_hero.zh, CATEGORY.labels.first_class_merit.zh];
    const heroes = new Set(
      scopeSheets['优抚对象']!.filter((r) => heroLabels.some((h) => String(r['优抚类别']).split('、').includes(h))).map((r) =>
        String(r['身份证号']),
      ),
    );
    const recipients = scopeSheets['优抚对象']!.filter(
      (r) => r['状态'] === '在册' || (r['迁出/去世日期'] != null && day(r['迁出/去世日期']) > asOf),
    ).length;
    const visitKinds = new Set(VISIT_DUTY_KINDS.map((k) => DUTY_KIND.labels[k].zh));
    const duties = scopeSheets['服务任务']!.filter((o) => o['办理状态'] !== OCCURRENCE_STATUS.labels.cancelled.zh);
    const due = duties.filter(
      (o) => day(o['应办日期']) >= weekStart && day(o['应办日期']) <= weekEnd && visitKinds.has(String(o['任务类型'])),
    );
    const overdue = duties.filter(
      (o) =>
        day(o['应办日期']) < asOf &&
        (o['办理状态'] === OCCURRENCE_STATUS.labels.pending.zh || (o['完成时间'] != null && day(o['完成时间']) > asOf)),
    );
    const aid = Object.fromEntries(
      FUND_SOURCE.values.map((f) => {
        const rows = scopeSheets['帮扶记录']!.filter(
          (a) =>
            a['资金来源'] === FUND_SOURCE.labels[f].zh && a['已作废'] !== '是' && day(a['日期']) >= weekStart && day(a['日期']) <= weekEnd,
        );
        return [f, { count: rows.length, fen: rows.reduce((s, a) => s + yuanToFen(a['金额（元）']), 0) }];
      }),
    );
    const visitsInWeek = scopeSheets['走访记录']!.filter((v) => day(v['走访时间']) >= weekStart && day(v['走访时间']) <= weekEnd);
    const openRequests = scopeSheets['诉求']!.filter(
      (q) =>
        day(q['提出时间']) <= asOf &&
        (q['办结时间'] != null ? day(q['办结时间']) > asOf : q['办理状态'] === '待处理' || q['办理状态'] === '处理中'),
    ).length;
    return {
      recipients,
      visitsDue: due.length,
      visitsDone: due.filter((o) => o['办理状态'] === OCCURRENCE_STATUS.labels.done.zh).length,
      overdue: overdue.length,
      heroesOverdue: overdue.filter((o) => heroes.has(String(o['身份证号']))).length,
      visitsLogged: visitsInWeek.length,
      visitsWithPhotos: visitsInWeek.filter((v) => Number(v['附件数']) > 0).length,
      aid,
      openRequests,
    };
  }

  function reviewTotals(scope: string, week: string) {
    const review = computeReview(data, { scope, week, today: DEMO_TODAY });
    const sum = (f: (s: (typeof review.stations)[number]) => number) => review.stations.reduce((n, s) => n + f(s), 0);
    return {
      recipients: sum((s) => s.recipients),
      visitsDue: sum((s) => s.visitsDue),
      visitsDone: sum((s) => s.visitsDone),
      overdue: sum((s) => s.overdue),
      heroesOverdue: sum((s) => s.heroesOverdue),
      visitsLogged: sum((s) => s.visitsLogged),
      visitsWithPhotos: sum((s) => s.visitsWithPhotos),
      aid: Object.fromEntries(FUND_SOURCE.values.map((f) => [f, { count: sum((s) => s.aid[f].count), fen: sum((s) => s.aid[f].fen) }])),
      openRequests: sum((s) => s.openRequests),
    };
  }

  for (const [label, scope] of [
    ['a community station', DEMO_COMMUNITY_CODE],
    ['a street', DEMO_STREET_CODE],
  ] as const) {
    it(`matches the district review's week figures for ${label}`, async () => {
      const scoped = readXlsx(await writeLedger(data, { scope, fullIdNumbers: true }));
      const scopeRecords = Object.fromEntries(scoped.map((s) => [s.name, sheetRecords(s)]));
      for (const week of [DEMO_TODAY, '2026-11-18', '2026-10-07']) {
        const fromLedger = ledgerWeekFigures(scopeRecords, week);
        expect(fromLedger, `${scope} ${week}`).toEqual(reviewTotals(scope, week));
      }
      const totals = reviewTotals(scope, DEMO_TODAY);
      expect(totals.recipients).toBeGreaterThan(0);
      expect(totals.visitsLogged + totals.overdue).toBeGreaterThan(0);
    });
  }

  it('counts the evidence of each record, withdrawn left out, and the whole case file on the profile', () => {
    const live = data.attachments.filter((a) => !a.withdrawn);
    const of = (table: Evidence['ownerTable'], id: string) => live.filter((a) => a.ownerTable === table && a.ownerId === id).length;
    const byId = (sheet: string) => new Map(records[sheet]!.map((r) => [String(r['记录编号']), Number(r['附件数'] ?? 0)]));
    const visits = byId('走访记录');
    const aid = byId('帮扶记录');
    let withPhotos = 0;
    for (const v of data.visits.filter((x) => inScope(x))) {
      expect(visits.get(v.id), v.id).toBe(of('visits', v.id));
      if (of('visits', v.id) > 0) withPhotos++;
    }
    for (const a of data.aid.filter((x) => inScope(x))) expect(aid.get(a.id), a.id).toBe(of('aid', a.id));
    expect(withPhotos).toBeGreaterThan(10);
    const files = new Map(records['优抚对象']!.map((r) => [String(r['身份证号']), Number(r['资料数'] ?? 0)]));
    for (const r of data.recipients.filter((x) => inScope(x))) {
      expect(files.get(r.idNumber), r.id).toBe(live.filter((a) => a.recipientId === r.id).length);
    }
    expect([...files.values()].some((n) => n >= 2)).toBe(true);
  });

  it('uses Shanghai dates for date-times', () => {
    const v = data.visits
      .filter((x) => inScope(x))
      .sort((a, b) => (`${a.stationCode}|${a.visitedAt}|${a.id}` < `${b.stationCode}|${b.visitedAt}|${b.id}` ? -1 : 1))[0]!;
    expect(String(records['走访记录']![0]!['走访时间']).slice(0, 10)).toBe(shanghaiDate(v.visitedAt));
  });
});
