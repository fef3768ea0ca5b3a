import { callWithRetry } from './call-with-retry.ts';
import { noteClock } from './note-clock.ts';
import type { RunContext } from './run-context.ts';
import { ABORTED, type RunStop } from './run-stop.ts';
import { storageFailure } from './run-upload.ts';
import type { SyncProblem } from './sync-report.ts';

export interface PullReport {
  readonly status: 'complete' | RunStop['status'];
  /** Decisions stored in this pull. */
  readonly received: number;
  readonly pages: number;
  readonly problem?: SyncProblem;
  readonly retryAfterMs?: number;
}

/** A server that keeps saying `more` forever must not keep the device pulling forever. */
const MAX_PAGES = 10_000;

/**
 * Pulls what the province decided since the stored cursor, page by page until `more` is false.
 * Each page and its cursor are stored together before the next request, so a cut loses at most
 * the page in flight, which the next pull asks for again.
 */
export async function pullUpdates(ctx: RunContext): Promise<PullReport> {
  let received = 0;
  let pages = 0;
  const end = (stop?: RunStop): PullReport => {
    let report: PullReport = { status: stop?.status ?? 'complete', received, pages };
    if (stop?.problem) report = { ...report, problem: stop.problem };
    if (stop?.retryAfterMs !== undefined) report = { ...report, retryAfterMs: stop.retryAfterMs };
    return report;
  };
  try {
    let cursor = await ctx.store.getState('updatesCursor');
    while (pages < MAX_PAGES) {
      if (ctx.signal?.aborted === true) return end(ABORTED);
      const since = cursor;
      const outcome = await callWithRetry(ctx, (signal) => ctx.transport.getUpdates(since, signal));
      if ('stop' in outcome) return end(outcome.stop);
      if ('refused' in outcome) {
        const { code, message, status } = outcome.refused;
        return end({ status: 'failed', problem: { code, message, status } });
      }
      await noteClock(ctx, outcome);
      const page = outcome.value;
      await ctx.store.applyUpdates(page.updates, page.cursor);
      received += page.updates.length;
      pages += 1;
      if (!page.more) return end();
      if (page.cursor === cursor) {
        return end({ status: 'failed', problem: { code: 'BAD_RESPONSE', message: 'the updates cursor did not advance' } });
      }
      cursor = page.cursor;
    }
    return end();
  } catch (error) {
    return end(storageFailure(error));
  }
}
