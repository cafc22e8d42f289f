import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';
export type PickerFormat = typeof DATE_FORMAT | typeof DATE_TIME_FORMAT;

/**
 * A form's date string as the picker's value. Only an exact, real date in `format` is one
 * (`2026-02-30` is not); anything else shows as an empty picker while the form keeps the text
 * for the zod schema to explain. Wall-clock only: no time zone is applied either way.
 */
export function toPickerValue(value: string | null | undefined, format: PickerFormat): Dayjs | null {
  if (!value) return null;
  const parsed = dayjs(value, format, true);
  return parsed.isValid() ? parsed : null;
}

/** The picker's value back as the form's string; a cleared picker is `''`. */
export function fromPickerValue(value: Dayjs | null, format: PickerFormat): string {
  return value ? value.format(format) : '';
}
