import { z } from 'zod';
import { isRealDate, parseIdNumber } from '../validation/idNumber';
import { parsePhone } from '../validation/phone';
import { MAX_FEN } from '../validation/money';

/** Messages are stable codes; `shared/i18n` turns them into zh-CN or English sentences. */
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'invalid_id' });

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const localDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), {
    error: 'date_invalid',
  });

/** An instant as ISO-8601 with an explicit offset, e.g. `2026-11-28T09:30:00+08:00`. */
export const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { error: 'timestamp_invalid' });

export const stationCode = z.string().regex(/^4403((\d{2}|DP)(\d{3}){0,2})?$/, { error: 'station_code_invalid' });

export const idNumber = z.string().transform((raw, ctx) => {
  const r = parseIdNumber(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  }
  return r.value.idNumber;
});

export const phone = z.string().transform((raw, ctx) => {
  const r = parsePhone(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  }
  return r.value;
});

/** Money is integer fen, never floating yuan. */
export const fen = z
  .number({ error: 'money_format' })
  .int({ error: 'money_format' })
  .min(0, { error: 'money_negative' })
  .max(MAX_FEN, { error: 'money_too_large' });

/**
 * NUL and the other C0 control characters except tab, line feed and carriage return: invisible,
 * never typed on purpose (they come with pastes and imported files), refused by PostgreSQL
 * (NUL, in jsonb and text) and by the XML inside an Excel ledger (the others).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
/** Half of a UTF-16 surrogate pair without its other half: not a character at all; PostgreSQL refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text as it may be stored: control characters dropped, a lone surrogate replaced by U+FFFD (as `toWellFormed`). */
export function cleanText(s: string): string {
  return s.replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** True when `s` holds a character no database or sync peer can store (NUL, a lone surrogate). */
export function hasUnstorableChars(s: string): boolean {
  return UNSTORABLE.test(s);
}

/**
 * Every free-text field starts from this: forms, imports and repositories store clean text
 * whatever was pasted. (The server refuses NUL and lone surrogates on the wire rather than
 * cleaning them: a client that sends them skipped these schemas.)
 */
export const text = z.string().overwrite(cleanText);

export const personName = text.trim().min(1, { error: 'name_required' }).max(40, { error: 'name_too_long' });
export const shortText = text.trim().max(200, { error: 'text_too_long_200' });
export const longText = text.max(5000, { error: 'text_too_long_5000' });

/** Every synced row carries the server revision it was last seen at (0: never synced). */
export const syncMeta = {
  rev: z.number().int().nonnegative(),
  updatedAt: timestamp,
};
