import type { SyncProblem, SyncStatus } from './sync-report.ts';

/** Why a run must end now, before its outbox is drained. */
export interface RunStop {
  readonly status: Exclude<SyncStatus, 'complete' | 'partial'>;
  readonly problem?: SyncProblem;
  readonly retryAfterMs?: number;
}

export const ABORTED: RunStop = { status: 'aborted' };
