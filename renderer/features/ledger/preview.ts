import type { Locale } from '../../../shared/domain/labels';
import { LIST_SEPARATOR, type Logical } from '../../../shared/ledger/cells';
import type { AnySheetLayout, Column } from '../../../shared/ledger/layout';
import type { ParsedRow } from '../../../shared/ledger/tables';
import { stationPathName } from '../../../shared/stations/tree';
import { maskIdNumber } from '../../../shared/validation/idNumber';
import { formatFen } from '../../../shared/validation/money';

/** A parsed cell as people read it in the preview (labels, not codes). */
export function displayValue(column: Column<unknown>, value: Logical | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  const label = (v: string): string => column.enumDef?.labels[v]?.[locale] ?? v;
  switch (column.type) {
    case 'enum':
      return label(String(value));
    case 'enumList':
      return (value as string[]).map(label).join(LIST_SEPARATOR);
    case 'textList':
      return (value as string[]).join(LIST_SEPARATOR);
    case 'money':
      return formatFen(value as number);
    case 'bool':
      return value === true ? (locale === 'zh' ? '是' : 'Yes') : locale === 'zh' ? '否' : 'No';
    case 'station':
      return stationPathName(String(value));
    // Lists mask ID numbers (README "Local data rules"); the preview is a list.
    case 'idNumber':
      return maskIdNumber(String(value));
    case 'datetime':
      return String(value).slice(0, 16).replace('T', ' ');
    default:
      return String(value);
  }
}

/** The columns shown in the preview of a sheet: the first few a person recognises a row by. */
export function previewColumns(sheet: AnySheetLayout): Column<unknown>[] {
  return (sheet.columns as readonly Column<unknown>[]).filter((c) => c.key !== 'id' && c.key !== 'dutyId').slice(0, 7);
}

export const PREVIEW_ROWS = 5;

export function previewRows(rows: readonly ParsedRow[]): ParsedRow[] {
  return rows.slice(0, PREVIEW_ROWS);
}
