/**
 * How a sync run ended, as a value the UI shows (never an exception thrown at it).
 * - `complete`: nothing is waiting without a stated reason (the outbox is empty, or every record
 *   left is quarantined with its reason);
 * - `partial`: the run finished but some records wait without a reason yet (no receipt, an
 *   attachment the server still lacks): the next run retries them;
 * - `offline`: no answer from the network after the retries;
 * - `server-unavailable`: the server answered 5xx/429/408 after the retries, or asked to wait
 *   longer than the engine may (`retryAfterMs`);
 * - `auth-required`: 401/403: enrol or sign in again;
 * - `aborted`: stopped by the caller's AbortSignal;
 * - `failed`: the server broke the protocol or local storage failed (`problem` says which).
 * In every case nothing was removed from the outbox without a receipt.
 */
export type SyncStatus = 'complete' | 'partial' | 'offline' | 'server-unavailable' | 'auth-required' | 'aborted' | 'failed';

/** Why one record did not reach the province in this run. */
export interface SyncReason {
  readonly id: string;
  readonly rev: number;
  readonly code: string;
  readonly message?: string;
  /** True when the record is quarantined (waits for a fix); false when the next run retries it. */
  readonly quarantined: boolean;
}

/** Why a run stopped early, when the cause is not a record's. */
export interface SyncProblem {
  readonly code: string;
  readonly message?: string;
  readonly status?: number;
}

export interface SyncReport {
  readonly status: SyncStatus;
  /** Records in batches the server answered, this run (a record resent after a fix counts again). */
  readonly sent: number;
  readonly accepted: number;
  readonly duplicate: number;
  /** Records quarantined this run. */
  readonly quarantined: number;
  /** Records still pending (without a reason) after the run; null if storage could not count. */
  readonly remaining: number | null;
  /** All quarantined records in the store, this run's and earlier ones. */
  readonly quarantinedTotal: number | null;
  readonly reasons: readonly SyncReason[];
  readonly problem?: SyncProblem;
  /** The server asked to wait this long before trying again. */
  readonly retryAfterMs?: number;
  /** Server clock minus device clock, measured this run. */
  readonly clockOffsetMs?: number;
  /** Set (to the offset) only when the device clock is off by more than five minutes. */
  readonly clockSkewMs?: number;
}

export type SyncProgress =
  | { readonly kind: 'chunk'; readonly records: number; readonly bytes: number }
  | { readonly kind: 'attachment'; readonly sha256: string; readonly uploaded: boolean }
  | {
      readonly kind: 'receipts';
      readonly sent: number;
      readonly accepted: number;
      readonly duplicate: number;
      readonly quarantined: number;
    }
  | { readonly kind: 'quarantined'; readonly id: string; readonly rev: number; readonly code: string }
  | { readonly kind: 'waiting'; readonly attempt: number; readonly delayMs: number; readonly cause: string; readonly status?: number };
