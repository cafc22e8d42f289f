/**
 * Retry delays with exponential backoff and full jitter (AWS architecture blog, "Exponential
 * Backoff And Jitter"): many stations coming back online at once after an outage must not
 * hammer the server in lock-step.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/** `attempt` counts failures so far (1 for the first retry); `random` is in [0, 1). */
export function retryDelayMs(attempt: number, random: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  // Never 0: half the ceiling is fixed, the other half is jitter.
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
