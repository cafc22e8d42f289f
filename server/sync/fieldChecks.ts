import { hasUnstorableChars } from '../../shared/domain/primitives';
import type { EntityTable } from '../../shared/domain/schemas';
import { entitySchemas } from '../../shared/domain/schemas';
import type { z } from 'zod';

/**
 * Checks of the values a client pushed, field by field, before they are merged: what a merge
 * LOSES goes to the conflict log and is served to supervisors, so it must be as sound as what
 * wins. The domain schemas nest three levels at most and their largest text is 5,000
 * characters; these bounds are far above any valid row and far below what hurts the server.
 */
export const MAX_FIELD_DEPTH = 16;
/** Bytes of one field's JSON (a 5,000-character note in Chinese is about 15 KB). */
export const MAX_FIELD_BYTES = 64 * 1024;

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * The first value PostgreSQL could not store (NUL or a lone surrogate, in a string or an
 * object KEY, at any depth) or that nests too deep, as `path: code`; null when all is well.
 * Iterative, so a 6,000-deep value is refused rather than overflowing the stack.
 */
export function unstorableField(fields: Readonly<Record<string, unknown>>): string | null {
  const stack: Pending[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (hasUnstorableChars(k)) return '(field name): text_invalid_chars';
    stack.push({ value: v, path: k, depth: 1 });
  }
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasUnstorableChars(value)) return `${path}: text_invalid_chars`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_FIELD_DEPTH) return `${path}: nesting_too_deep`;
    if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => stack.push({ value: v, path: `${path}.${i}`, depth: depth + 1 }));
      continue;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (hasUnstorableChars(k)) return `${path}: text_invalid_chars`;
      stack.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Each pushed field of the table's schema, validated on its own with that field's schema
 * (whether it will win or lose the merge), and no field larger than MAX_FIELD_BYTES. Fields
 * the schema does not know are dropped when the row is parsed, so they are not checked here.
 * Returns `field: code` for the first failure, or null.
 */
export function invalidField(table: EntityTable, fields: Readonly<Record<string, unknown>>): string | null {
  const shape: Readonly<Record<string, z.ZodType>> = entitySchemas[table].shape;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Buffer.byteLength(JSON.stringify(value)) > MAX_FIELD_BYTES) return `${field}: value_too_large`;
    const schema = Object.hasOwn(shape, field) ? shape[field] : undefined;
    const r = schema?.safeParse(value);
    if (r && !r.success) {
      return r.error.issues
        .slice(0, 5)
        .map((i) => `${[field, ...i.path.map(String)].join('.')}: ${i.message}`)
        .join('; ');
    }
  }
  return null;
}
