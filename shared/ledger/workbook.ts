import ExcelJS from 'exceljs';
import { stationPathName } from '../stations/tree';
import {
  FORMATS,
  LIST_SEPARATOR,
  type Logical,
  NO,
  type RawCell,
  YES,
  dateToCell,
  datetimeToCell,
  fenToYuan,
  idNumberToCell,
} from './cells';
import type { Column } from './layout';
import { type LedgerData, type LedgerOptions, type ParsedLedger, type RawSheet, ledgerTables, parseRawSheets } from './tables';

/**
 * The one place that touches exceljs. It runs in the browser (Vite bundles exceljs' browser
 * build) and in Node (the CLI and tests) alike; everything else in shared/ledger is pure.
 */

interface CellOut {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

function toCell(column: Column<unknown>, v: Logical, options: LedgerOptions): CellOut {
  if (v === null || (Array.isArray(v) && v.length === 0)) return { value: null };
  switch (column.type) {
    case 'date':
      return { value: dateToCell(v as string), numFmt: FORMATS.date };
    case 'datetime':
      return { value: datetimeToCell(v as string), numFmt: FORMATS.datetime };
    case 'money':
      return { value: fenToYuan(v as number), numFmt: FORMATS.money };
    case 'integer':
      return { value: v as number };
    case 'bool':
      return { value: v === true ? YES : NO };
    case 'station':
      return { value: stationPathName(v as string) };
    case 'idNumber':
      return { value: idNumberToCell(v as string, options.fullIdNumbers) };
    case 'enum':
      return { value: column.enumDef!.labels[v as string]?.zh ?? String(v) };
    case 'enumList':
      return { value: (v as string[]).map((x) => column.enumDef!.labels[x]?.zh ?? x).join(LIST_SEPARATOR) };
    case 'textList':
      return { value: (v as string[]).join(LIST_SEPARATOR) };
    default:
      return { value: v === '' ? null : String(v) };
  }
}

/** Builds the workbook: one sheet per layout sheet, a bold frozen header, real dates and money. */
export function buildLedger(data: LedgerData, options: LedgerOptions, now = new Date()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '优抚工作台';
  wb.created = now;
  for (const table of ledgerTables(data, options)) {
    const columns = table.sheet.columns as readonly Column<unknown>[];
    const ws = wb.addWorksheet(table.sheet.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.zh, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const values of table.rows) {
      const row = ws.addRow([]);
      columns.forEach((c, i) => {
        const out = toCell(c, values[i] ?? null, options);
        if (out.value === null) return;
        const cell = row.getCell(i + 1);
        cell.value = out.value;
        if (out.numFmt) cell.numFmt = out.numFmt;
      });
    }
  }
  return wb;
}

/** The .xlsx bytes of a ledger. */
export async function writeLedger(data: LedgerData, options: LedgerOptions, now = new Date()): Promise<Uint8Array> {
  const buffer = await buildLedger(data, options, now).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function flatten(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return flatten(v.result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

/** Every sheet's cells as plain values (rich text flattened, formulas as their results). */
export async function readRawSheets(bytes: Uint8Array | ArrayBuffer): Promise<RawSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: RawSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: RawCell[][] = [];
    const columnCount = ws.columnCount; // computed on each access: read it once
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: RawCell[] = [];
      for (let c = 1; c <= columnCount; c++) cells.push(flatten(row.getCell(c).value));
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    out.push({ name: ws.name, rows });
  });
  return out;
}

/** Reads a ledger file into rows per sheet and row-level errors; `ledger_not_xlsx` if it is no workbook. */
export async function parseLedger(bytes: Uint8Array | ArrayBuffer): Promise<ParsedLedger> {
  let raw: RawSheet[];
  try {
    raw = await readRawSheets(bytes);
  } catch {
    return {
      sheets: { recipients: [], visits: [], aid: [], duties: [], requests: [] },
      badRows: { recipients: [], visits: [], aid: [], duties: [], requests: [] },
      errors: [{ sheet: '', row: 0, column: '', reason: 'ledger_not_xlsx' }],
      masked: false,
    };
  }
  return parseRawSheets(raw);
}
