import { Input, type InputProps } from 'antd';

/**
 * Dates are typed as people write them on screen here, `2026-11-28` and `2026-11-28 09:30`
 * (24-hour), whatever the operating system's locale would make of a native date input. The
 * value is the text itself; the shared zod schemas say whether it is a real date.
 */
type TextInputProps = Omit<InputProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string) => void;
};

export function DateInput({ value, onChange, ...rest }: TextInputProps) {
  return (
    <Input
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      placeholder="YYYY-MM-DD"
      maxLength={10}
      inputMode="numeric"
      style={{ fontVariantNumeric: 'tabular-nums', ...rest.style }}
    />
  );
}

export function DateTimeInput({ value, onChange, ...rest }: TextInputProps) {
  return (
    <Input
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      placeholder="YYYY-MM-DD HH:mm"
      maxLength={16}
      inputMode="numeric"
      style={{ fontVariantNumeric: 'tabular-nums', ...rest.style }}
    />
  );
}
