import { ENTITY_TABLES, type EntityTable } from '../../../shared/domain/schemas';
import type { ConflictEntry } from '../../../shared/sync/conflictsApi';

/** Fields the server stamps or that identify the row: never restored by hand. */
const NOT_RESTORABLE = new Set(['id', 'rev', 'updatedAt']);

export function isEntityTable(table: string): table is EntityTable {
  return (ENTITY_TABLES as readonly string[]).includes(table);
}

export type RestoreRefusal = 'resolved' | 'field_not_restorable' | 'table_unknown';

export interface ConflictActions {
  keepWinner: boolean;
  restoreLoser: boolean;
  /** Why restoring is not offered, when it is not. */
  restoreRefusal: RestoreRefusal | null;
}

/** Which of the two actions a supervisor may take on a conflict. */
export function conflictActions(c: Pick<ConflictEntry, 'status' | 'table' | 'field'>): ConflictActions {
  const open = c.status === 'open';
  const refusal: RestoreRefusal | null = !open
    ? 'resolved'
    : !isEntityTable(c.table)
      ? 'table_unknown'
      : NOT_RESTORABLE.has(c.field)
        ? 'field_not_restorable'
        : null;
  return { keepWinner: open, restoreLoser: refusal === null, restoreRefusal: refusal };
}

export interface ValueWords {
  yes: string;
  no: string;
  empty: string;
}

/** Longest rendering of one value before it is cut with "…"; the full value is in the tooltip. */
export const MAX_VALUE_CHARS = 120;

function render(value: unknown, words: ValueWords, depth: number): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    const items = value.map((v) => render(v, words, depth + 1));
    return depth === 0 ? items.join('、') : `[${items.join('、')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return words.empty;
    const inner = entries.map(([k, v]) => `${k}: ${render(v, words, depth + 1)}`).join(', ');
    return depth === 0 ? inner : `{${inner}}`;
  }
  // Functions and symbols never come out of JSON.
  return words.empty;
}

/**
 * A field value in one short line: lists joined with 、, objects as `key: value` pairs, true/false
 * and empty values in words. Supervisors see values in full (phones are not masked here).
 */
export function formatConflictValue(
  value: unknown,
  words: ValueWords,
  max = MAX_VALUE_CHARS,
): { text: string; full: string; truncated: boolean } {
  const full = render(value, words, 0);
  const chars = [...full];
  if (chars.length <= max) return { text: full, full, truncated: false };
  return { text: `${chars.slice(0, max - 1).join('')}…`, full, truncated: true };
}

/** As formatConflictValue, with money (`…Fen` fields, integer fen) shown in yuan. */
export function formatFieldValue(
  field: string,
  value: unknown,
  words: ValueWords,
  max = MAX_VALUE_CHARS,
): { text: string; full: string; truncated: boolean } {
  if (field.endsWith('Fen') && typeof value === 'number' && Number.isInteger(value)) {
    const yuan = `¥${(value / 100).toFixed(2)}`;
    return { text: yuan, full: yuan, truncated: false };
  }
  return formatConflictValue(value, words, max);
}

/**
 * Where to fix the record: a recipient links to itself; a child row (visit, aid, duty …) to
 * its recipient when this device holds the row; otherwise nowhere.
 */
export function recordHref(
  c: Pick<ConflictEntry, 'table' | 'rowId'>,
  localRow: Readonly<Record<string, unknown>> | undefined,
): string | null {
  if (c.table === 'recipients') return `#/recipients/${encodeURIComponent(c.rowId)}`;
  const rid = localRow?.recipientId;
  return typeof rid === 'string' && rid.length > 0 ? `#/recipients/${encodeURIComponent(rid)}` : null;
}
