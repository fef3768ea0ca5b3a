import { isClockSkewed } from './clock-skew.ts';
import { nextChunk } from './next-chunk.ts';
import type { OutboxCounts, OutboxEntry } from './outbox-store.ts';
import { processChunk } from './process-chunk.ts';
import type { RunContext } from './run-context.ts';
import { ABORTED, type RunStop } from './run-stop.ts';
import type { SyncReport, SyncStatus } from './sync-report.ts';

/**
 * One upload run: chunk after chunk until the outbox has nothing left to offer or the run must
 * stop, with up to `maxBatchesInFlight` chunks going at once (round trips, not bandwidth, are
 * what a slow rural link spends its time on). The first stop ends the run once the chunks in
 * flight have ended; their receipts are real. Resolves with a report in every case, including a
 * store that throws.
 */
export async function runUpload(ctx: RunContext): Promise<SyncReport> {
  let stop: RunStop | undefined;
  const going = new Set<Promise<void>>();
  const start = (chunk: OutboxEntry[]): void => {
    const done = processChunk(ctx, chunk).then(
      (chunkStop) => {
        stop ??= chunkStop;
      },
      (error: unknown) => {
        stop ??= storageFailure(error);
      },
    );
    const tracked = done.finally(() => going.delete(tracked));
    going.add(tracked);
  };
  try {
    while (!stop) {
      if (ctx.signal?.aborted === true) {
        stop = ABORTED;
        break;
      }
      if (going.size >= ctx.maxBatchesInFlight) {
        await Promise.race(going);
        continue;
      }
      const chunk = await nextChunk(ctx);
      if (chunk.length > 0) start(chunk);
      else if (going.size > 0) await Promise.race(going);
      else break;
    }
  } catch (error) {
    stop ??= storageFailure(error);
  }
  await Promise.all(going);
  return finishReport(ctx, stop);
}

async function finishReport(ctx: RunContext, stop: RunStop | undefined): Promise<SyncReport> {
  let counts: OutboxCounts | undefined;
  try {
    counts = await ctx.store.counts();
  } catch (error) {
    stop ??= storageFailure(error);
  }
  // "Complete" is said only when nothing waits without a reason (docs/PROTOCOL.md).
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
