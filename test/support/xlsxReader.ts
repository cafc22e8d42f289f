import { strFromU8, unzipSync } from 'fflate';

/**
 * A second, independent .xlsx reader for the ledger tests: it shares nothing with exceljs
 * (fflate unzips, the XML of the workbook, the shared strings, the styles and each sheet is
 * read here with a few regular expressions). A cell comes back as text, a number, or, when
 * its number format is a date format, a `YYYY-MM-DD` / `YYYY-MM-DD HH:MM` string; `formats`
 * gives each cell's number format code so tests can check real dates and money formats.
 */
export interface XlsxCell {
  value: string | number | null;
  format: string | null;
}

export interface XlsxSheet {
  name: string;
  /** rows[0] is the header row; cells by column index. */
  rows: XlsxCell[][];
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  14: 'mm-dd-yy',
  22: 'm/d/yy h:mm',
  49: '@',
};

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : null;
}

/** All text of `<t>` runs inside an element (rich text has several). */
function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1]!)).join('');
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function isDateFormat(code: string): boolean {
  const stripped = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(stripped) && !/^General$/i.test(stripped);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel serial (days since 1899-12-30) → `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`. */
export function serialToText(serial: number, withTime: boolean): string {
  const d = new Date(Math.round((serial - 25569) * 86400) * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  const files = unzipSync(bytes);
  const file = (path: string): string => {
    const f = files[path];
    if (!f) throw new Error(`${path} missing from the workbook`);
    return strFromU8(f);
  };
  const shared = files['xl/sharedStrings.xml']
    ? [...file('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!))
    : [];
  const styles = file('xl/styles.xml');
  const customFormats = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\s[^>]*\/>/g)) customFormats.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xfFormats = [...cellXfs.matchAll(/<xf\s[^>]*?(?:\/>|>)/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return customFormats.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
  });

  const rels = new Map<string, string>();
  for (const m of file('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*\/>/g)) {
    rels.set(attr(m[0], 'Id')!, attr(m[0], 'Target')!);
  }
  const sheets: XlsxSheet[] = [];
  for (const m of file('xl/workbook.xml').matchAll(/<sheet\s[^>]*\/>/g)) {
    const name = attr(m[0], 'name')!;
    const target = rels.get(attr(m[0], 'r:id')!)!.replace(/^\/?(xl\/)?/, '');
    const xml = file(`xl/${target}`);
    const rows: XlsxCell[][] = [];
    for (const r of xml.matchAll(/<row\s([^>]*)>([\s\S]*?)<\/row>/g)) {
      const rowIndex = Number(attr(` ${r[1]!}`, 'r')) - 1;
      const cells: XlsxCell[] = [];
      for (const c of r[2]!.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const head = ` ${c[1]!}`;
        const body = c[2] ?? '';
        const type = attr(head, 't');
        const format = xfFormats[Number(attr(head, 's') ?? 0)] ?? 'General';
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let value: string | number | null = null;
        if (type === 's' && v !== undefined) value = shared[Number(v)] ?? null;
        else if (type === 'inlineStr') value = texts(body);
        else if (type === 'str' && v !== undefined) value = decodeXml(v);
        else if (type === 'b' && v !== undefined) value = v === '1' ? 'TRUE' : 'FALSE';
        else if (v !== undefined) {
          const n = Number(v);
          value = isDateFormat(format) ? serialToText(n, /h/i.test(format)) : n;
        }
        cells[columnIndex(attr(head, 'r')!)] = { value, format };
      }
      for (let i = 0; i < cells.length; i++) cells[i] ??= { value: null, format: null };
      rows[rowIndex] = cells;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name, rows });
  }
  return sheets;
}

/** A sheet as objects keyed by its header row's text. */
export function sheetRecords(sheet: XlsxSheet): Record<string, string | number | null>[] {
  const header = (sheet.rows[0] ?? []).map((c) => String(c.value ?? ''));
  return sheet.rows
    .slice(1)
    .filter((r) => r.some((c) => c.value !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]?.value ?? null])));
}
