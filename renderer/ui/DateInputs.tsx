import { DatePicker, type DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
// The picker's month names and first weekday come from dayjs; antd's zh_CN locale (set on the
// ConfigProvider in App.tsx) asks dayjs for `zh-cn`, which must be registered to be found.
import 'dayjs/locale/zh-cn';
import { DATE_FORMAT, DATE_TIME_FORMAT, type PickerFormat, fromPickerValue, toPickerValue } from './pickerValue';

/**
 * Ant Design's picker with the value as the text people read on screen here, `2026-11-28` or
 * `2026-11-28 09:30` (24-hour), whatever the operating system's locale would make of a native
 * date input. Forms and zod schemas keep that string: a picked date is formatted back at once,
 * a cleared field is `''`, and no dayjs object reaches a form value. The picker's labels follow
 * the ConfigProvider's locale (zh-CN or English). Typing the date and pressing Enter works too.
 */
type StringPickerProps = Omit<DatePickerProps, 'value' | 'defaultValue' | 'onChange' | 'format' | 'showTime' | 'picker' | 'multiple'> & {
  value?: string | null;
  onChange?: (value: string) => void;
};

function StringPicker({ value, onChange, format, showTime, ...rest }: StringPickerProps & { format: PickerFormat; showTime: boolean }) {
  // One dayjs object per value: the picker resets a typed, not yet confirmed date whenever its
  // value prop is a new object, and the screen around it re-renders for its own reasons (a
  // live query, the day changing) while someone types.
  const pickerValue = useMemo(() => toPickerValue(value, format), [value, format]);
  return (
    <DatePicker
      placeholder={format}
      {...rest}
      format={format}
      showTime={showTime ? { format: 'HH:mm' } : false}
      value={pickerValue}
      onChange={(date: Dayjs | null) => onChange?.(fromPickerValue(date, format))}
      // Enter confirms the typed date (the picker has already taken it when this runs); it must
      // not also submit the surrounding form, as it would from a plain input.
      onKeyDown={(event, preventDefault) => {
        if (event.key === 'Enter') event.preventDefault();
        rest.onKeyDown?.(event, preventDefault);
      }}
      style={{ width: '100%', fontVariantNumeric: 'tabular-nums', ...rest.style }}
    />
  );
}

/** A calendar date as `YYYY-MM-DD`. */
export function DateInput(props: StringPickerProps) {
  return <StringPicker {...props} format={DATE_FORMAT} showTime={false} />;
}

/** A Shenzhen wall-clock time as `YYYY-MM-DD HH:mm`. */
export function DateTimeInput(props: StringPickerProps) {
  return <StringPicker {...props} format={DATE_TIME_FORMAT} showTime />;
}
