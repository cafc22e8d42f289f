import { Dexie } from 'dexie';

/**
 * Why the account's database did not open, as a stable code the screen decides by (never by
 * the wording of a message, which Dexie and each browser phrase their own way).
 * - `newer_version`: IndexedDB refused the version asked for (a newer Youfu Desk wrote it).
 * - `open_failed`: anything else; the message is shown as the technical reason.
 */
export type OpenFailureCode = 'newer_version' | 'open_failed';

/** Dexie wraps the cause of a failed open (`OpenFailedError.inner`); the cause's name decides. */
function causes(e: unknown): string[] {
  const names: string[] = [];
  for (let cur: unknown = e, depth = 0; cur instanceof Error && depth < 5; depth++) {
    names.push(cur.name);
    cur = (cur as { inner?: unknown }).inner;
  }
  return names;
}

export function openFailureCode(e: unknown): OpenFailureCode {
  // IndexedDB's DOMException and Dexie's own error class share the name 'VersionError'.
  return causes(e).includes(Dexie.errnames.Version) ? 'newer_version' : 'open_failed';
}
