import type { z } from 'zod';

/** A field problem the form can put next to its input; `code` is the i18n error code. */
export interface ValidationIssue {
  path: (string | number)[];
  code: string;
}

/**
 * Our schemas put stable codes (`id_number_checksum`) into the message; zod's own messages
 * (wrong type, unknown enum value) are English sentences, so those fall back to zod's code.
 */
export function zodIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    code: /^[a-z][a-z0-9_]*$/.test(i.message) ? i.message : i.code,
  }));
}

/** Structural equality for JSON-like row values (what IndexedDB's structured clone gives back). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}
