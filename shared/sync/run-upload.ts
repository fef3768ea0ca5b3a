import { isClockSkewed } from './clock-skew.ts';
import { nextChunk } from './next-chunk.ts';
import type { OutboxCounts } from './outbox-store.ts';
import { processChunk } from './process-chunk.ts';
import type { RunContext } from './run-context.ts';
import { ABORTED, type RunStop } from './run-stop.ts';
import type { SyncReport, SyncStatus } from './sync-report.ts';

/**
 * One upload run: chunk after chunk until the outbox has nothing left to offer or the run must
 * stop. Resolves with a report in every case, including a store that throws.
 */
export async function runUpload(ctx: RunContext): Promise<SyncReport> {
  let stop: RunStop | undefined;
  try {
    for (;;) {
      if (ctx.signal?.aborted === true) {
        stop = ABORTED;
        break;
      }
      const chunk = await nextChunk(ctx);
      if (chunk.length === 0) break;
      stop = await processChunk(ctx, chunk);
      if (stop) break;
    }
  } catch (error) {
    stop = storageFailure(error);
  }
  return finishReport(ctx, stop);
}

async function finishReport(ctx: RunContext, stop: RunStop | undefined): Promise<SyncReport> {
  let counts: OutboxCounts | undefined;
  try {
    counts = await ctx.store.counts();
  } catch (error) {
    stop ??= storageFailure(error);
  }
  // "Complete" is said only when nothing waits without a reason (DESIGN §3).
  const status: SyncStatus = counts?.pending === 0 && stop?.status !== 'failed' ? 'complete' : (stop?.status ?? 'partial');
  if (status === 'complete') {
    try {
      await ctx.store.setState('lastSyncAt', ctx.nowIso());
    } catch {
      // Only a display hint; the outbox itself is settled.
    }
  }
  const { tally } = ctx;
  let report: SyncReport = {
    status,
    sent: tally.sent,
    accepted: tally.accepted,
    duplicate: tally.duplicate,
    quarantined: tally.quarantined,
    remaining: counts?.pending ?? null,
    quarantinedTotal: counts?.quarantined ?? null,
    reasons: tally.reasons,
  };
  if (stop?.problem) report = { ...report, problem: stop.problem };
  if (stop?.retryAfterMs !== undefined) report = { ...report, retryAfterMs: stop.retryAfterMs };
  if (tally.clockOffsetMs !== undefined) {
    report = { ...report, clockOffsetMs: tally.clockOffsetMs };
    if (isClockSkewed(tally.clockOffsetMs)) report = { ...report, clockSkewMs: tally.clockOffsetMs };
  }
  return report;
}

export function storageFailure(error: unknown): RunStop {
  return { status: 'failed', problem: { code: 'STORAGE_ERROR', message: error instanceof Error ? error.message : String(error) } };
}
