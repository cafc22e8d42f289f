import type { BrowserContext } from '@playwright/test';
import { DEMO_TODAY } from '../../../shared/demo/accounts';

/**
 * One clock for an end-to-end run, so that no figure depends on the day or the hour it runs.
 * The run starts at E2E_CLOCK_START as the app sees it (default: the demo data's day, 09:00 in
 * Shenzhen) and time flows from there: the e2e server, every browser context and the specs' own
 * requests read the real time shifted by one offset, fixed once per run in playwright.config.ts
 * (E2E_CLOCK_OFFSET_MS, inherited by the server and the workers). Same offset everywhere, so the
 * server's clock-drift check, the HLCs and token expiry see agreeing clocks.
 *
 * `E2E_CLOCK_START=2026-11-28T00:01:00+08:00 npx playwright test` runs just after midnight in
 * Shenzhen (UTC still on the day before).
 */
export const E2E_CLOCK_START = process.env.E2E_CLOCK_START ?? `${DEMO_TODAY}T09:00:00+08:00`;

/** Called by playwright.config.ts in the runner: fixes the run's offset unless it is already set. */
export function fixRunClock(env: NodeJS.ProcessEnv = process.env): void {
  if (env.E2E_CLOCK_OFFSET_MS !== undefined) return;
  const start = Date.parse(E2E_CLOCK_START);
  if (!Number.isFinite(start)) throw new Error(`E2E_CLOCK_START is not an instant: ${E2E_CLOCK_START}`);
  env.E2E_CLOCK_OFFSET_MS = String(start - Date.now());
}

function offsetMs(): number {
  const v = Number(process.env.E2E_CLOCK_OFFSET_MS);
  if (process.env.E2E_CLOCK_OFFSET_MS === undefined || !Number.isFinite(v)) {
    throw new Error('E2E_CLOCK_OFFSET_MS is not set: start the e2e run through playwright.config.ts');
  }
  return v;
}

/** The run's "now" (for the server, the desktop harness and the specs' own mutations). */
export function e2eNow(): Date {
  return new Date(Date.now() + offsetMs());
}

/** The run's clock in every page of `context` (Date, timers), flowing from the run's now. */
export async function installE2eClock(context: BrowserContext): Promise<void> {
  await context.clock.install({ time: e2eNow() });
}
