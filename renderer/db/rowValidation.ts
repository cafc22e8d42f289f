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
