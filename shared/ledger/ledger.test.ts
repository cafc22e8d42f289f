import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMUNITY_CODE, DEMO_TODAY, generateDemoRows } from '../demo';
import { translateError } from '../i18n/messages';
import { stationPathName } from '../stations/tree';
import { idNumberCheckChar } from '../validation/idNumber';
import { formatRecurrence, parseRecurrence } from './layout';
import { type ImportPlan, WRITE_ORDER, planCounts, planImport } from './plan';
import { type LedgerData, ledgerDataFrom } from './tables';
import { buildLedger, parseLedger, writeLedger } from './workbook';

const NOW = new Date('2026-11-28T02:00:00Z');
const OPTIONS = { scope: '440304', actorStaffId: '00000000-0000-4000-8000-00000000d003', now: NOW };

function demoData(recipients = 40): LedgerData {
  return ledgerDataFrom(generateDemoRows({ recipients, seed: 3, today: DEMO_TODAY, scopePrefix: DEMO_COMMUNITY_CODE }));
}

function emptyLike(data: LedgerData): LedgerData {
  return { staff: data.staff, recipients: [], visits: [], aid: [], duties: [], dutyOccurrences: [], requests: [], attachments: [] };
}

/** Applies a plan to plain arrays, as a writer would. */
function applyPlan(data: LedgerData, plan: ImportPlan): LedgerData {
  const out = { ...data } as unknown as Record<string, { id: string }[]>;
  for (const t of WRITE_ORDER) {
    const rows = new Map(out[t]!.map((r) => [r.id, r]));
    for (const r of plan.tables[t].create) rows.set(r.id, r);
    for (const u of plan.tables[t].update) rows.set(u.after.id, u.after);
    out[t] = [...rows.values()];
  }
  return out as unknown as LedgerData;
}

/** Fields the ledger does not carry (links between records, photos) and the sync stamps. */
const NOT_IN_LEDGER: Record<string, readonly string[]> = {
  recipients: [],
  visits: ['dutyOccurrenceId', 'photos'],
  aid: ['visitId'],
  duties: [],
  dutyOccurrences: ['visitId'],
  requests: ['visitId'],
};

function comparable(table: string, rows: readonly object[]): Record<string, unknown>[] {
  return rows
    .map((r) => {
      const copy: Record<string, unknown> = { ...r };
      for (const k of ['rev', 'updatedAt', ...NOT_IN_LEDGER[table]!]) delete copy[k];
      return copy;
    })
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
}

describe('ledger import plan', () => {
  let data: LedgerData;
  let bytes: Uint8Array;

  beforeAll(async () => {
    data = demoData();
    bytes = await writeLedger(data, { scope: '440304', fullIdNumbers: true });
  });

  it('round trip: export then import into an empty database reproduces the rows', async () => {
    const parsed = await parseLedger(bytes);
    expect(parsed.errors).toEqual([]);
    const plan = planImport(parsed, emptyLike(data), OPTIONS);
    expect(plan.errors).toEqual([]);
    const after = applyPlan(emptyLike(data), plan);
    for (const t of WRITE_ORDER) {
      const inScope = (data[t] as readonly { id: string; stationCode: string }[]).filter((r) => r.stationCode.startsWith('440304'));
      // Plans without any occurrence cannot appear in a sheet of occurrences.
      const expected = t === 'duties' ? inScope.filter((d) => data.dutyOccurrences.some((o) => o.dutyId === d.id)) : inScope;
      expect(expected.length, t).toBeGreaterThan(0);
      expect(comparable(t, after[t]), t).toEqual(comparable(t, expected));
    }
  });

  it('importing the same file twice creates nothing the second time', async () => {
    const parsed = await parseLedger(bytes);
    const first = planImport(parsed, emptyLike(data), OPTIONS);
    expect(planCounts(first).create).toBeGreaterThan(100);
    const second = planImport(parsed, applyPlan(emptyLike(data), first), OPTIONS);
    expect(planCounts(second)).toEqual({ create: 0, update: 0, unchanged: planCounts(first).create });
  });

  it('re-importing an unedited export changes nothing; an edited cell is one update', async () => {
    const wb = buildLedger(data, { scope: '440304', fullIdNumbers: true });
    const ws = wb.getWorksheet('优抚对象')!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    ws.getRow(2).getCell(header.indexOf('住址')).value = '福田区园岭街道新地址 8 号';
    const parsed = await parseLedger(new Uint8Array(await wb.xlsx.writeBuffer()));
    const plan = planImport(parsed, data, OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.tables.recipients.update.map((u) => u.fields)).toEqual([['address']]);
    expect(planCounts(plan).create).toBe(0);
  });

  it("reads an earlier version's 较急 as the urgency now labelled 一般 (normal)", async () => {
    const wb = buildLedger(data, { scope: '440304', fullIdNumbers: true });
    const ws = wb.getWorksheet('诉求')!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    const col = header.indexOf('紧急程度');
    const id = ws.getRow(2).getCell(header.indexOf('记录编号')).text;
    const before = data.requests.find((r) => r.id === id)!;
    ws.getRow(2).getCell(col).value = '较急';
    const parsed = await parseLedger(new Uint8Array(await wb.xlsx.writeBuffer()));
    const plan = planImport(parsed, data, OPTIONS);
    expect(plan.errors).toEqual([]);
    const update = plan.tables.requests.update.find((u) => u.after.id === id);
    expect(update?.after.urgency ?? before.urgency).toBe('normal');
  });

  it('reports exactly the five bad rows (sheet, row, column, reason) and keeps the rest', async () => {
    const wb = buildLedger(data, { scope: '440304', fullIdNumbers: true });
    const cell = (sheet: string, row: number, column: string) => {
      const ws = wb.getWorksheet(sheet)!;
      const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
      return ws.getRow(row).getCell(header.indexOf(column));
    };
    const id = cell('优抚对象', 3, '身份证号').value as string;
    const lastDigit = (Number(id[16]) + 1) % 10;
    cell('优抚对象', 3, '身份证号').value = `${id.slice(0, 16)}${lastDigit}${id[17]}`; // check digit no longer fits
    cell('优抚对象', 5, '优抚类别').value = '抗战老兵';
    cell('走访记录', 4, '走访时间').value = '2026-02-30 10:00';
    cell('帮扶记录', 6, '金额（元）').value = -50;
    const stranger = `44030419500101999`;
    cell('走访记录', 7, '身份证号').value = `${stranger}${idNumberCheckChar(stranger)}`;
    const parsed = await parseLedger(new Uint8Array(await wb.xlsx.writeBuffer()));
    const plan = planImport(parsed, data, OPTIONS);
    expect(plan.errors).toEqual([
      { sheet: '优抚对象', row: 3, column: '身份证号', reason: 'id_number_checksum' },
      { sheet: '优抚对象', row: 5, column: '优抚类别', reason: 'ledger_category_unknown' },
      { sheet: '走访记录', row: 4, column: '走访时间', reason: 'date_invalid' },
      { sheet: '走访记录', row: 7, column: '身份证号', reason: 'ledger_recipient_not_found' },
      { sheet: '帮扶记录', row: 6, column: '金额（元）', reason: 'money_negative' },
    ]);
    expect(plan.sheets.recipients.errors + plan.sheets.visits.errors + plan.sheets.aid.errors).toBe(5);
    const total = data.recipients.length + data.visits.length + data.aid.length + data.dutyOccurrences.length + data.requests.length;
    expect(planCounts(plan)).toEqual({
      create: 0,
      update: 0,
      unchanged: total - 5 + data.duties.filter((d) => data.dutyOccurrences.some((o) => o.dutyId === d.id)).length,
    });
  });

  it('refuses a ledger with masked ID numbers with one clear error', async () => {
    const masked = await writeLedger(data, { scope: '440304', fullIdNumbers: false });
    const parsed = await parseLedger(masked);
    const plan = planImport(parsed, emptyLike(data), OPTIONS);
    expect(plan.masked).toBe(true);
    expect(plan.errors.map((e) => e.reason)).toEqual(['ledger_id_masked']);
    expect(planCounts(plan)).toEqual({ create: 0, update: 0, unchanged: 0 });
  });

  it('refuses rows outside the importing scope', async () => {
    const parsed = await parseLedger(bytes);
    const plan = planImport(parsed, emptyLike(data), { ...OPTIONS, scope: '440305' });
    expect(planCounts(plan).create).toBe(0);
    expect(plan.errors.filter((e) => e.sheet === '优抚对象').every((e) => e.reason === 'forbidden_scope' && e.column === '服务站')).toBe(
      true,
    );
  });

  it('a file that is no workbook is one error', async () => {
    const parsed = await parseLedger(Uint8Array.from([110, 97, 109, 101, 44, 105, 100, 10]));
    expect(parsed.errors).toEqual([{ sheet: '', row: 0, column: '', reason: 'ledger_not_xlsx' }]);
  });

  it('a new recipient without duty rows gets the default duty plans', async () => {
    const wb = buildLedger(emptyLike(data), { scope: '440304', fullIdNumbers: true });
    const first17 = '44030419450301123';
    wb.getWorksheet('优抚对象')!.addRow([
      '',
      '王建国',
      '男',
      `${first17}${idNumberCheckChar(first17)}`,
      new Date(Date.UTC(1945, 2, 1)),
      '否',
      '13800138000',
      '园岭街道 1 号',
      stationPathName(DEMO_COMMUNITY_CODE),
      '战斗英雄',
    ]);
    const parsed = await parseLedger(new Uint8Array(await wb.xlsx.writeBuffer()));
    const plan = planImport(parsed, emptyLike(data), OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.tables.recipients.create.map((r) => r.name)).toEqual(['王建国']);
    expect(plan.tables.duties.create.length).toBeGreaterThan(0);
    expect(plan.tables.dutyOccurrences.create.length).toBeGreaterThan(0);
  });

  it('writes and reads every kind of recurrence', () => {
    for (const r of [
      { type: 'weekly' },
      { type: 'yearly', month: 3, day: 15 },
      { type: 'festival', festival: 'mid_autumn' },
      { type: 'once', date: '2026-05-01' },
    ] as const) {
      expect(parseRecurrence(formatRecurrence(r))).toEqual(r);
    }
    expect(parseRecurrence('每两周')).toBeNull();
  });
});

describe('ledger error reasons', () => {
  it('every reason the ledger gives has a zh and an en message', () => {
    const reasons = [
      'ledger_not_xlsx',
      'ledger_no_sheets',
      'ledger_column_missing',
      'ledger_id_masked',
      'ledger_value_required',
      'ledger_option_unknown',
      'ledger_category_unknown',
      'ledger_station_unknown',
      'ledger_bool_invalid',
      'ledger_number_invalid',
      'ledger_recipient_not_found',
      'ledger_duplicate_row',
      'ledger_contact_invalid',
      'ledger_recurrence_invalid',
      'forbidden_scope',
      'invalid_id',
      'date_invalid',
      'money_negative',
      'money_format',
      'id_number_checksum',
      'phone_format',
    ];
    for (const r of reasons) {
      expect(translateError('zh', r), r).not.toBe(translateError('zh', 'unknown'));
      expect(translateError('en', r), r).not.toBe(translateError('en', 'unknown'));
    }
  });
});
