import { type Result, err, ok } from '../result';

export type MoneyError = 'money_format' | 'money_negative' | 'money_too_large';

/** Upper bound for one aid record: ¥10,000,000.00, far above any real hand-out. */
export const MAX_FEN = 1_000_000_000;

/**
 * Parses yuan as typed by a person ("1,234.5", "¥200", "0.01") into integer fen without ever
 * going through a float, so 0.1 + 0.2 style errors cannot happen.
 */
export function parseYuanToFen(raw: string): Result<number, MoneyError> {
  const s = raw
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '')
    .trim();
  if (/^-/.test(s)) return err('money_negative');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return err('money_format');
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return err('money_too_large');
  return ok(fen);
}

/** `¥1,234.00`; negative amounts keep their sign in front of the currency sign. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as a plain yuan string for form fields: 123456 → "1234.56". */
export function fenToYuanString(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
