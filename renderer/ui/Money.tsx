import { formatFen } from '../../shared/validation/money';

/** `¥1,234.00` in tabular figures; right-aligned as a block unless `inline`. */
export function Money({ fen, inline = false }: { fen: number; inline?: boolean }) {
  return (
    <span
      className="yf-money"
      style={{ fontVariantNumeric: 'tabular-nums', display: inline ? 'inline' : 'block', textAlign: inline ? undefined : 'right' }}
    >
      {formatFen(fen)}
    </span>
  );
}
