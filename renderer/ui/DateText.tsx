import { useLocale } from '../app/i18n';
import { dateTimeLabel, longDateLabel, weekdayLabel } from './dates';

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** `2026-11-28` in tables; `weekday` adds 周六, `long` gives 2026年11月28日. */
export function DateText({ date, weekday = false, long = false }: { date: string | null | undefined; weekday?: boolean; long?: boolean }) {
  const locale = useLocale();
  if (!date) return <span>—</span>;
  const main = long ? longDateLabel(date, locale) : date;
  return (
    <span style={NUMERIC}>
      {main}
      {weekday ? ` ${weekdayLabel(date, locale)}` : ''}
    </span>
  );
}

/** An ISO timestamp as `2026-11-28 09:30` (Asia/Shanghai, 24-hour). */
export function DateTimeText({ value }: { value: string | null | undefined }) {
  if (!value) return <span>—</span>;
  return <span style={NUMERIC}>{dateTimeLabel(value)}</span>;
}
