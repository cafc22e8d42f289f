import { z } from 'zod';
import { isRealDate, parseIdNumber } from '../validation/idNumber';
import { parsePhone } from '../validation/phone';
import { MAX_FEN } from '../validation/money';

/** Messages are stable codes; `shared/i18n` turns them into zh-CN or English sentences. */
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'invalid_id' });

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const localDate = z.string().refine(
  (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))),
  { error: 'date_invalid' },
);

/** An instant as ISO-8601 with an explicit offset, e.g. `2026-11-28T09:30:00+08:00`. */
export const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { error: 'timestamp_invalid' });

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

export const personName = z.string().trim().min(1, { error: 'name_required' }).max(40, { error: 'name_too_long' });
export const shortText = z.string().trim().max(200, { error: 'text_too_long' });
export const longText = z.string().max(5000, { error: 'text_too_long' });

/** Every synced row carries the server revision it was last seen at (0: never synced). */
export const syncMeta = {
  rev: z.number().int().nonnegative(),
  updatedAt: timestamp,
};
