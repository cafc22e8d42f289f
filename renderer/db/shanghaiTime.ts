const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `2026-11-28T09:30:00.000+08:00`: stored times carry Shanghai's offset so that the date part
 * is the local calendar date people see (China has no daylight saving time).
 */
export function toShanghaiIso(date: Date): string {
  const local = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  return `${local.toISOString().slice(0, 23)}+08:00`;
}

