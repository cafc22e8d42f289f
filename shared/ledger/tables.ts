import type { Aid, Attachment, Duty, DutyOccurrence, Recipient, Request, Staff, Visit } from '../domain/schemas';
import { isInScope } from '../stations/tree';
import {
  type CellResult,
  type Logical,
  type RawCell,
  cellText,
  enumFromText,
  isBlank,
  parseBoolCell,
  parseDateCell,
  parseDatetimeCell,
  parseIdNumberCell,
  parseIntegerCell,
  parseMoneyCell,
  parseRecordIdCell,
  splitList,
  stationFromText,
} from './cells';
import { type AnySheetLayout, type Column, type DutyRow, type ExportContext, LEDGER_SHEETS, type SheetKey } from './layout';

/** Everything a ledger can be built from (rows outside the scope are left out). */
export interface LedgerData {
  staff: readonly Staff[];
  recipients: readonly Recipient[];
  visits: readonly Visit[];
  aid: readonly Aid[];
  duties: readonly Duty[];
  dutyOccurrences: readonly DutyOccurrence[];
  requests: readonly Request[];
  /** For the evidence counts only (clear fields: a device reads them without decrypting). */
  attachments: readonly Pick<Attachment, 'recipientId' | 'ownerTable' | 'ownerId' | 'withdrawn'>[];
}

/** Ledger data from rows as a demo stream or a table dump gives them (`{ table, row }`); other tables are left out. */
export function ledgerDataFrom(rows: Iterable<{ table: string; row: unknown }>): LedgerData {
  const out: Record<keyof LedgerData, unknown[]> = {
    staff: [],
    recipients: [],
    visits: [],
    aid: [],
    duties: [],
    dutyOccurrences: [],
    requests: [],
    attachments: [],
  };
  for (const r of rows) if (r.table in out) out[r.table as keyof LedgerData].push(r.row);
  return out as unknown as LedgerData;
}

export interface LedgerOptions {
  /** Station code prefix: a community, a street, a district (or the city). */
  scope: string;
  /** Full ID numbers; otherwise masked (440304********1234), and the file cannot be imported. */
  fullIdNumbers: boolean;
}

/** One sheet as logical values (column order of the layout), before any cell formatting. */
export interface LedgerTable {
  sheet: AnySheetLayout;
  rows: Logical[][];
}

const byString =
  <T>(key: (t: T) => string) =>
  (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

export function exportContext(data: LedgerData): ExportContext {
  const staff = new Map(data.staff.map((s) => [s.id, s.name]));
  const recipients = new Map(data.recipients.map((r) => [r.id, r]));
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const a of data.attachments) {
    if (a.withdrawn) continue;
    bump(`recipients|${a.recipientId}`);
    if (a.ownerTable !== 'recipients') bump(`${a.ownerTable}|${a.ownerId}`);
  }
  return {
    staffName: (id) => staff.get(id) ?? null,
    recipient: (id) => recipients.get(id),
    attachmentCount: (table, id) => counts.get(`${table}|${id}`) ?? 0,
  };
}

function rowsOf<D>(columns: readonly Column<D>[], rows: readonly D[], ctx: ExportContext): Logical[][] {
  return rows.map((r) => columns.map((c) => c.get(r, ctx)));
}

/** The rows of each sheet in the scope, sorted for people: by station, then name or date. */
export function ledgerTables(data: LedgerData, options: LedgerOptions): LedgerTable[] {
  const ctx = exportContext(data);
  const inScope = (r: { stationCode: string }): boolean => isInScope(r.stationCode, options.scope);
  const recipients = data.recipients.filter(inScope).sort(byString((r) => `${r.stationCode}|${r.idNumber}`));
  const visits = data.visits.filter(inScope).sort(byString((v) => `${v.stationCode}|${v.visitedAt}|${v.id}`));
  const aid = data.aid.filter(inScope).sort(byString((a) => `${a.stationCode}|${a.date}|${a.id}`));
  const duties = new Map(data.duties.map((d) => [d.id, d]));
  const dutyRows: DutyRow[] = data.dutyOccurrences
    .filter(inScope)
    .flatMap((o) => {
      const duty = duties.get(o.dutyId);
      return duty ? [{ occurrence: o, duty }] : [];
    })
    .sort(byString((r) => `${r.occurrence.stationCode}|${r.occurrence.dueDate}|${r.occurrence.id}`));
  const requests = data.requests.filter(inScope).sort(byString((r) => `${r.stationCode}|${r.openedAt}|${r.id}`));
  const out: LedgerTable[] = [];
  for (const sheet of LEDGER_SHEETS) {
    switch (sheet.key) {
      case 'recipients':
        out.push({ sheet, rows: rowsOf(sheet.columns, recipients, ctx) });
        break;
      case 'visits':
        out.push({ sheet, rows: rowsOf(sheet.columns, visits, ctx) });
        break;
      case 'aid':
        out.push({ sheet, rows: rowsOf(sheet.columns, aid, ctx) });
        break;
      case 'duties':
        out.push({ sheet, rows: rowsOf(sheet.columns, dutyRows, ctx) });
        break;
      case 'requests':
        out.push({ sheet, rows: rowsOf(sheet.columns, requests, ctx) });
        break;
    }
  }
  return out;
}

// ---- reading ----------------------------------------------------------------------------

/** A sheet as read from a file: its name and its cells, row 1 being the header. */
export interface RawSheet {
  name: string;
  rows: RawCell[][];
}

/** A row-level problem: the sheet and column by their Chinese names, the Excel row number, a reason code. */
export interface LedgerError {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

export interface ParsedRow {
  /** The Excel row number (the header is row 1). */
  row: number;
  /** Logical values by column key, for the columns the file has. */
  values: Record<string, Logical>;
}

export interface ParsedLedger {
  sheets: Record<SheetKey, ParsedRow[]>;
  errors: LedgerError[];
  /** The file's ID numbers are masked: it can be read, never imported. */
  masked: boolean;
  /** Excel row numbers with errors, per sheet: those rows are never imported. */
  badRows: Record<SheetKey, number[]>;
}

function parseCell(column: Column<unknown>, raw: RawCell): CellResult {
  if (isBlank(raw)) {
    if (column.required) return { ok: false, reason: 'ledger_value_required' };
    switch (column.type) {
      case 'text':
        return { ok: true, value: '' };
      case 'textList':
      case 'enumList':
        return { ok: true, value: [] };
      default:
        return { ok: true, value: null };
    }
  }
  switch (column.type) {
    case 'text':
      return { ok: true, value: cellText(raw) };
    case 'textList':
      return { ok: true, value: splitList(cellText(raw)) };
    case 'date':
      return parseDateCell(raw);
    case 'datetime':
      return parseDatetimeCell(raw);
    case 'money':
      return parseMoneyCell(raw);
    case 'integer':
      return parseIntegerCell(raw);
    case 'bool':
      return parseBoolCell(raw);
    case 'idNumber':
      return parseIdNumberCell(raw);
    case 'recordId':
      return parseRecordIdCell(raw);
    case 'station': {
      const code = stationFromText(cellText(raw));
      return code === null ? { ok: false, reason: 'ledger_station_unknown' } : { ok: true, value: code };
    }
    case 'enum': {
      const text = cellText(raw);
      const v = enumFromText(column.enumDef!, text) ?? column.legacyLabels?.[text.trim()] ?? null;
      return v === null ? { ok: false, reason: column.unknownReason ?? 'ledger_option_unknown' } : { ok: true, value: v };
    }
    case 'enumList': {
      const out: string[] = [];
      for (const part of splitList(cellText(raw))) {
        const v = enumFromText(column.enumDef!, part);
        if (v === null) return { ok: false, reason: column.unknownReason ?? 'ledger_option_unknown' };
        if (!out.includes(v)) out.push(v);
      }
      if (column.required && out.length === 0) return { ok: false, reason: 'ledger_value_required' };
      return { ok: true, value: out };
    }
  }
}

function headerIndex(sheet: AnySheetLayout, header: readonly RawCell[]): Map<string, number> {
  const byText = new Map<string, number>();
  header.forEach((h, i) => {
    if (!isBlank(h)) byText.set(cellText(h), i);
  });
  const out = new Map<string, number>();
  for (const c of sheet.columns as readonly Column<unknown>[]) {
    const i = byText.get(c.zh) ?? byText.get(c.en);
    if (i !== undefined) out.set(c.key, i);
  }
  return out;
}

/**
 * Reads sheets into logical values with every cell problem as a row-level error. A sheet is
 * found by its Chinese (or English) name, a column by its header, in any order; sheets and
 * columns the layout does not know are ignored, missing sheets are simply not imported.
 */
export function parseRawSheets(raw: readonly RawSheet[]): ParsedLedger {
  const sheets = { recipients: [], visits: [], aid: [], duties: [], requests: [] } as Record<SheetKey, ParsedRow[]>;
  const badRows = { recipients: [], visits: [], aid: [], duties: [], requests: [] } as Record<SheetKey, number[]>;
  const errors: LedgerError[] = [];
  let masked = false;
  let found = 0;
  for (const layout of LEDGER_SHEETS) {
    const source = raw.find((s) => s.name.trim() === layout.zh || s.name.trim().toLowerCase() === layout.en.toLowerCase());
    if (!source) continue;
    found++;
    const columns = layout.columns as readonly Column<unknown>[];
    const index = headerIndex(layout, source.rows[0] ?? []);
    let headerOk = true;
    for (const c of columns) {
      if ((c.required || c.type === 'recordId') && c.put && !index.has(c.key)) {
        errors.push({ sheet: layout.zh, row: 1, column: c.zh, reason: 'ledger_column_missing' });
        headerOk = false;
      }
    }
    if (!headerOk) continue;
    source.rows.forEach((cells, i) => {
      if (i === 0 || cells.every(isBlank)) return;
      const row = i + 1;
      const values: Record<string, Logical> = {};
      let bad = false;
      for (const c of columns) {
        const at = index.get(c.key);
        if (at === undefined) continue;
        const r = parseCell(c, cells[at] ?? null);
        if (r.ok) {
          values[c.key] = r.value;
          continue;
        }
        if (r.reason === 'ledger_id_masked') masked = true;
        if (c.put) {
          errors.push({ sheet: layout.zh, row, column: c.zh, reason: r.reason });
          bad = true;
        }
      }
      if (bad) badRows[layout.key].push(row);
      else sheets[layout.key].push({ row, values });
    });
  }
  if (found === 0) errors.push({ sheet: '', row: 0, column: '', reason: 'ledger_no_sheets' });
  if (masked) {
    // One clear message instead of one per row: a masked ledger is for reading only.
    const kept = errors.filter((e) => e.reason !== 'ledger_id_masked');
    const first = errors.find((e) => e.reason === 'ledger_id_masked')!;
    return { sheets, errors: [first, ...kept], masked, badRows };
  }
  return { sheets, errors, masked, badRows };
}
