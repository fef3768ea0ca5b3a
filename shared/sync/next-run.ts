import { retryDelay, type BackoffPolicy } from './backoff.ts';
import type { SyncStatus } from './sync-report.ts';

/** How a scheduled run ended, as far as choosing the next one goes. */
export interface RunOutcome {
  readonly status: SyncStatus;
  /** The server asked to wait this long (Retry-After). */
  readonly retryAfterMs?: number;
}

/**
 * Waits between runs the scheduler makes on its own: the first retry within seconds, then up to
 * five minutes. Trying costs a phone with no signal almost nothing (the request fails at once);
 * waiting longer would leave a record saved at the door unsent after the signal came back.
 */
export const SCHEDULE_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 300_000 };

/**
 * When to run again on its own after `outcome`, or `undefined` to wait for the next trigger
 * (a save, the network coming back, the app shown, a tap). `failures` counts the runs in a row
 * that ended without the server answering, this one included. Pure: the randomness is passed in.
 */
export function nextRunDelay(
  outcome: RunOutcome,
  failures: number,
  random: () => number,
  policy: BackoffPolicy = SCHEDULE_BACKOFF,
): number | undefined {
  switch (outcome.status) {
    case 'complete':
    case 'aborted':
      return undefined;
    // Signing in again is a person's job; retrying would only be refused again.
    case 'auth-required':
      return undefined;
    // Records wait without a receipt yet (an attachment the server still lacks, a lost answer).
    case 'partial':
    case 'offline':
    case 'server-unavailable':
    case 'failed':
      return retryDelay(Math.max(1, failures), random, outcome.retryAfterMs, policy);
  }
}
