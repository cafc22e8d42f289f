/**
 * Personal data never reaches the log file. Structured details are masked by key first; then
 * every line passes the text rules below, which catch what slipped into free text (an error
 * message that quotes a row, a URL with a token).
 */

/**
 * Keys whose values are credentials or a recipient's personal data, as the code spells them
 * (camelCase). Matched in any case and with `_`/`-` between the words (`void_reason`).
 */
const SENSITIVE_KEY_NAMES = [
  'password',
  'passwd',
  'pwd',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'secret',
  'idNumber',
  'idNo',
  'phone',
  'phones',
  'mobile',
  'tel',
  'address',
  'emergencyContacts',
  'name',
  'fallenName',
  'fallenDate',
  'birthDate',
  'approvedBy',
  // Free text a caseworker types about a person: notes, a request and its outcome, an aid's
  // void reason, a sign-off comment, tags such as 独居 or 低保.
  'healthNotes',
  'notes',
  'note',
  'description',
  'resolution',
  'voidReason',
  'comment',
  'tags',
] as const;

const normaliseKey = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');
const SENSITIVE_KEYS: ReadonlySet<string> = new Set(SENSITIVE_KEY_NAMES.map(normaliseKey));

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(normaliseKey(key));
}

/** `voidReason` → `void[_-]?reason`, used with the `i` flag. */
const KEY_ALTERNATION = SENSITIVE_KEY_NAMES.map((k) => k.replace(/[A-Z]/g, (c) => `[_-]?${c.toLowerCase()}`))
  .sort((a, b) => b.length - a.length)
  .join('|');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An Error's own name (`"name":"ConstraintError"`) says what failed and is no one's name. */
const ERROR_NAME = /^(?:[A-Z][A-Za-z]*)?(?:Error|Exception)$/;

interface Rule {
  name: string;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
  /** A cheap test that the rule can match at all, to skip its costlier pattern. */
  applies?: (text: string) => boolean;
}

/**
 * A JSON member `"key": value` at any depth of escaping: `"key":"…"` in a JSON text,
 * `\"key\":\"…\"` once that text is a string inside another JSON text (an error message
 * that quotes a row, then serialised with the error), `\\\"key\\\"` twice, and so on. The
 * backslashes before the key's quote (group 1) are the escape level; the value ends at a quote
 * with exactly that many backslashes before it. A value that is an array (tags, phones) is
 * masked whole.
 */
const JSON_MEMBER = new RegExp(
  `(?<!\\\\)(\\\\+)"(${KEY_ALTERNATION})\\1"(\\s*:\\s*)` + '(?:\\1"((?:(?!(?<!\\\\)\\1")[\\s\\S])*)\\1"|\\[[^\\]]*\\])',
  'gi',
);

/**
 * Level 0 has its own rule: there a value may end in an escaped backslash (`"a\\"`). The empty
 * group stands for "no escapes", so that both rules share maskJsonMember.
 */
const JSON_MEMBER_PLAIN = new RegExp(`(?<!\\\\)()"(${KEY_ALTERNATION})"(\\s*:\\s*)(?:"((?:[^"\\\\]|\\\\.)*)"|\\[[^\\]]*\\])`, 'gi');

function maskJsonMember(match: string, escapes: string, key: string, colon: string, value: string | undefined): string {
  if (key.toLowerCase() === 'name' && value !== undefined && ERROR_NAME.test(value)) return match;
  return `${escapes}"${key}${escapes}"${colon}${escapes}"[REDACTED]${escapes}"`;
}

/** ID numbers written in groups (4403 0419 9001 0112 34, 440304-19900101-1234). */
function maskGroupedIdNumber(match: string): string {
  const groups = match.split(/[ -]/);
  // Dates and lists of small numbers come in groups of two; an ID number's groups are longer.
  return groups.slice(0, -1).every((g) => g.length >= 3) ? '[ID-NUMBER]' : match;
}

export const REDACTION_RULES: readonly Rule[] = [
  // "password":"…" in JSON (also with escaped quotes inside the value)
  { name: 'json value', pattern: JSON_MEMBER_PLAIN, replace: maskJsonMember },
  { name: 'escaped json value', pattern: JSON_MEMBER, replace: maskJsonMember, applies: (text) => text.includes('\\"') },
  // key: '…' as util.inspect prints an object
  {
    name: 'inspected value',
    pattern: new RegExp(`(?<![\\w"])((?:${KEY_ALTERNATION}):\\s*)(?:('(?:[^'\\\\]|\\\\.)*')|\\[[^\\]]*\\])`, 'gi'),
    replace: (_m, key, quoted) => `${key}${quoted === undefined ? '[REDACTED]' : "'[REDACTED]'"}`,
  },
  // password=… in query strings and key=value text
  { name: 'key=value', pattern: new RegExp(`\\b((?:${KEY_ALTERNATION})=)[^&\\s"',;]+`, 'gi'), replace: (_m, key) => `${key}[REDACTED]` },
  { name: 'bearer', pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, replace: (_m, scheme) => `${scheme} [REDACTED]` },
  // Resident ID numbers: 17 digits and a check character (18-digit), or the old 15-digit form.
  { name: 'id number', pattern: /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g, replace: () => '[ID-NUMBER]' },
  { name: 'grouped id number', pattern: /(?<![0-9A-Za-z-])(?:\d[ -]?){17}[\dXx](?![0-9A-Za-z-])/g, replace: maskGroupedIdNumber },
  // Mainland mobiles, with or without +86 and separators.
  { name: 'mobile', pattern: /(?<![\d+])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, replace: () => '[PHONE]' },
  // Landlines with an area code: 0755-12345678, 010 1234 5678, (0755) 8345 1234.
  { name: 'landline', pattern: /(?<![\w.(-])(?:0\d{2,3}[- ]|\(0\d{2,3}\) ?)\d{3,4}[- ]?\d{4}(?!\d)/g, replace: () => '[PHONE]' },
  // ... and written in one run: 075583451234, 01062345678 (not a UUID's or a decimal's digits).
  { name: 'landline run', pattern: /(?<![\w.-])0[1-9]\d{8,10}(?![\w-])/g, replace: () => '[PHONE]' },
  // Long opaque strings (tokens, keys) but not row ids, which are UUIDs and useful for debugging.
  {
    name: 'opaque secret',
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g,
    replace: (m) => (UUID.test(m) ? m : '[SECRET]'),
  },
];

export function redactText(text: string): string {
  let out = text;
  for (const rule of REDACTION_RULES) {
    if (rule.applies === undefined || rule.applies(out)) out = out.replace(rule.pattern, rule.replace);
  }
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
  const text = typeof detail === 'string' ? detail : (JSON.stringify(redactValue(detail)) ?? `[${typeof detail}]`);
  return redactText(text);
}
