export interface BackoffPolicy {
  /** Ceiling of the first wait. */
  readonly baseMs: number;
  /** No wait is ever longer than this, however many attempts failed. */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * Exponential backoff with full jitter (a uniform wait in [0, min(cap, base·2^(attempt−1)))):
 * a village full of phones that lost the link together do not all come back in the same second.
 * `attempt` counts failures so far, from 1; `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(ceiling * clampUnit(random()));
}

/** The wait before the next try: the server's Retry-After when it gave one, never less. */
export function retryDelay(
  attempt: number,
  random: () => number,
  retryAfterMs: number | undefined,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const jittered = backoffDelay(attempt, random, policy);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value >= 1 ? 1 - Number.EPSILON : value;
}
