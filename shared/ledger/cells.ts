import { SHANGHAI_OFFSET, toWallClockMs } from '../calendar/shanghai';
import type { Label } from '../domain/labels';
import { STATIONS, getStation, stationPathName } from '../stations/tree';
import { isRealDate, maskIdNumber, parseIdNumber } from '../validation/idNumber';
import { parseYuanToFen } from '../validation/money';

/**
 * Cell types of the ledger and their codecs between a "logical" value (what the domain row
 * holds: a `YYYY-MM-DD` string, integer fen, an enum code, a station code …) and the value a
 * spreadsheet cell holds (a real Excel date, yuan as a number, the Chinese label …).
 * Pure: exceljs never appears here, so the same rules serve the writer, the reader and tests.
 */
export type CellType =
  'text' | 'textList' | 'date' | 'datetime' | 'money' | 'integer' | 'enum' | 'enumList' | 'bool' | 'station' | 'idNumber' | 'recordId';

/** A value as exceljs gives and takes it (without rich text, which the reader flattens). */
export type RawCell = string | number | boolean | Date | null;

export type Logical = string | number | boolean | string[] | null;

export const FORMATS = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  money: '#,##0.00',
} as const;

/** Separator of several values in one cell (phones, categories, tags, staff names). */
export const LIST_SEPARATOR = '、';

export const YES = '是';
export const NO = '否';

export type CellResult = { ok: true; value: Logical } | { ok: false; reason: string };

const ok = (value: Logical): CellResult => ({ ok: true, value });
const fail = (reason: string): CellResult => ({ ok: false, reason });

/** `YYYY-MM-DD` → a Date whose UTC fields are that calendar day (Excel dates have no zone). */
export function dateToCell(date: string): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/** An instant → a Date whose UTC fields are the Shanghai wall clock, to the second. */
export function datetimeToCell(iso: string): Date {
  const ms = Date.parse(iso);
  return new Date(Math.round(toWallClockMs(ms) / 1000) * 1000);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatUtcDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400) * 1000);
}

/** Accepts a real date cell, a serial number, or text such as 2026-03-02, 2026/3/2, 2026年3月2日. */
export function parseDateCell(raw: RawCell): CellResult {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail('date_invalid') : ok(formatUtcDate(raw));
  if (typeof raw === 'number') return raw > 0 && raw < 2958466 ? ok(formatUtcDate(excelSerialToDate(raw))) : fail('date_invalid');
  if (typeof raw !== 'string') return fail('date_invalid');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  if (!m) return fail('date_invalid');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? ok(`${m[1]}-${pad(mo)}-${pad(d)}`) : fail('date_invalid');
}

function wallClockToIso(d: Date): string {
  return `${formatUtcDate(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${SHANGHAI_OFFSET}`;
}

/** A date-time cell is Shanghai wall-clock time; a bare date means midnight. */
export function parseDatetimeCell(raw: RawCell): CellResult {
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? fail('date_invalid') : ok(wallClockToIso(new Date(Math.round(raw.getTime() / 1000) * 1000)));
  if (typeof raw === 'number') return raw > 0 && raw < 2958466 ? ok(wallClockToIso(excelSerialToDate(raw))) : fail('date_invalid');
  if (typeof raw !== 'string') return fail('date_invalid');
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(raw.trim());
  if (!m) return fail('date_invalid');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return fail('date_invalid');
  return ok(wallClockToIso(new Date(Date.UTC(y, mo - 1, d, h, mi, s))));
}

/** Fen → yuan as a number: an integer divided by 100 is the closest double to the decimal. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Yuan (a number cell or text like ¥1,234.50) → integer fen, through a decimal string, never float maths. */
export function parseMoneyCell(raw: RawCell): CellResult {
  if (typeof raw === 'number') {
    if (raw < 0) return fail('money_negative');
    const r = parseYuanToFen(numberToPlainString(raw));
    return r.ok ? ok(r.value) : fail(r.error);
  }
  if (typeof raw !== 'string') return fail('money_format');
  const r = parseYuanToFen(raw);
  return r.ok ? ok(r.value) : fail(r.error);
}

/** 1234.5 → "1234.5"; refuses exponent notation (not money anyway). */
function numberToPlainString(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? 'x' : s;
}

export function parseIntegerCell(raw: RawCell): CellResult {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) ? ok(n) : fail('ledger_number_invalid');
}

export function parseBoolCell(raw: RawCell): CellResult {
  if (typeof raw === 'boolean') return ok(raw);
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s === YES || /^(yes|y|true)$/i.test(s)) return ok(true);
  if (s === NO || /^(no|n|false)$/i.test(s)) return ok(false);
  return fail('ledger_bool_invalid');
}

export interface EnumDef {
  values: readonly string[];
  labels: Readonly<Record<string, Label>>;
}

/** Finds an enum value by its Chinese label (what the ledger shows), its English label or its code. */
export function enumFromText(def: EnumDef, text: string): string | null {
  const t = text.trim();
  for (const v of def.values) {
    const l = def.labels[v]!;
    if (l.zh === t || l.en.toLowerCase() === t.toLowerCase() || v === t) return v;
  }
  return null;
}

export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const stationByPath = new Map<string, string>();
for (const s of STATIONS) {
  stationByPath.set(stationPathName(s.code), s.code);
}

/** A station's full path name ("福田区 园岭街道 …社区") or its code → its code. */
export function stationFromText(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (stationByPath.has(t)) return stationByPath.get(t)!;
  if (getStation(t)) return t;
  const compact = t.replace(/ /g, '');
  for (const [path, code] of stationByPath) if (path.replace(/ /g, '') === compact) return code;
  return null;
}

/** A masked ID number as the ledger writes it when full numbers were not chosen. */
export function isMaskedIdNumber(text: string): boolean {
  return /^\d{6}\*+[\dXx]{4}$/.test(text.trim());
}

export function idNumberToCell(id: string, fullIdNumbers: boolean): string {
  return fullIdNumbers ? id : maskIdNumber(id);
}

export function parseIdNumberCell(raw: RawCell): CellResult {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  if (isMaskedIdNumber(text)) return fail('ledger_id_masked');
  const r = parseIdNumber(text);
  return r.ok ? ok(r.value.idNumber) : fail(r.error);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRecordIdCell(raw: RawCell): CellResult {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return UUID.test(text) ? ok(text) : fail('invalid_id');
}

/** Text of a cell for text columns: numbers typed into a text column (phones) come back as digits. */
export function cellText(raw: RawCell): string {
  if (raw === null) return '';
  if (raw instanceof Date) return formatUtcDate(raw);
  if (typeof raw === 'boolean') return raw ? YES : NO;
  return String(raw).trim();
}

export function isBlank(raw: RawCell): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}
