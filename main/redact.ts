/**
 * Personal data never reaches the log file. Structured details are masked by key first; then
 * every line passes the text rules below, which catch what slipped into free text (an error
 * message that quotes a row, a URL with a token).
 */

/** Keys whose values are credentials or a recipient's personal data. */
const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pwd', 'token', 'accesstoken', 'refreshtoken', 'authorization', 'cookie', 'secret',
  'idnumber', 'idno', 'phone', 'phones', 'mobile', 'tel', 'address', 'healthnotes', 'notes', 'description',
  'name', 'fallenname', 'birthdate', 'emergencycontacts',
]);

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

const KEY_ALTERNATION = 'password|passwd|pwd|token|access_?token|refresh_?token|authorization|cookie|secret|id_?number|id_?no|phones?|mobile|address|health_?notes|notes';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Rule {
  name: string;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

export const REDACTION_RULES: readonly Rule[] = [
  // "password":"…" in JSON (also with escaped quotes inside the value)
  { name: 'json value', pattern: new RegExp(`("(?:${KEY_ALTERNATION})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), replace: (_m, key) => `${key}"[REDACTED]"` },
  // password=… in query strings and key=value text
  { name: 'key=value', pattern: new RegExp(`\\b((?:${KEY_ALTERNATION})=)[^&\\s"',;]+`, 'gi'), replace: (_m, key) => `${key}[REDACTED]` },
  { name: 'bearer', pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, replace: (_m, scheme) => `${scheme} [REDACTED]` },
  // Resident ID numbers: 17 digits and a check character (18-digit), or the old 15-digit form.
  { name: 'id number', pattern: /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g, replace: () => '[ID-NUMBER]' },
  // Mainland mobiles, with or without +86 and separators.
  { name: 'mobile', pattern: /(?<![\d+])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, replace: () => '[PHONE]' },
  // Landlines with an area code: 0755-12345678, 010 1234 5678.
  { name: 'landline', pattern: /(?<!\d)0\d{2,3}[- ]\d{3,4}[- ]?\d{4}(?!\d)/g, replace: () => '[PHONE]' },
  // Long opaque strings (tokens, keys) but not row ids, which are UUIDs and useful for debugging.
  { name: 'opaque secret', pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g, replace: (m) => (UUID.test(m) ? m : '[SECRET]') },
];

export function redactText(text: string): string {
  let out = text;
  for (const rule of REDACTION_RULES) out = out.replace(rule.pattern, rule.replace);
  return out;
}

/** A JSON-safe copy with sensitive keys masked; Errors keep name, message, stack and cause. */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (seen.has(value)) return '[Circular]';
  if (depth > 6) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message, stack: value.stack };
    if (value.cause !== undefined) out.cause = redactValue(value.cause, seen, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSensitiveKey(k) ? '[REDACTED]' : redactValue(v, seen, depth + 1);
  return out;
}

/** One log-ready string for any detail: structure masked, then text rules applied. */
export function describeForLog(detail: unknown): string {
  if (detail === undefined) return '';
  const text = typeof detail === 'string' ? detail : JSON.stringify(redactValue(detail)) ?? `[${typeof detail}]`;
  return redactText(text);
}
