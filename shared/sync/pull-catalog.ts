import { callWithRetry } from './call-with-retry.ts';
import type { RunContext } from './run-context.ts';
import type { RunStop } from './run-stop.ts';
import { storageFailure } from './run-upload.ts';
import type { SyncProblem } from './sync-report.ts';

export type CatalogReport =
  | { readonly status: 'unchanged' }
  | { readonly status: 'updated'; readonly catalog: unknown; readonly etag?: string }
  | { readonly status: RunStop['status']; readonly problem?: SyncProblem; readonly retryAfterMs?: number };

/**
 * Fetches the catalog with the stored ETag (304 → unchanged). A new catalog goes to `apply`
 * first; its ETag is stored only after that succeeded, so a failed save is fetched again next
 * time instead of being skipped as unchanged. Without `apply` the ETag is not kept.
 */
export async function pullCatalog(ctx: RunContext, apply: ((catalog: unknown) => Promise<void>) | undefined): Promise<CatalogReport> {
  try {
    const etag = await ctx.store.getState('catalogEtag');
    const outcome = await callWithRetry(ctx, (signal) => ctx.transport.getCatalog(etag, signal));
    if ('stop' in outcome) return stopReport(outcome.stop);
    if ('refused' in outcome) {
      const { code, message, status } = outcome.refused;
      return { status: 'failed', problem: { code, message, status } };
    }
    const result = outcome.value;
    if (!result.changed) return { status: 'unchanged' };
    if (apply) {
      await apply(result.catalog);
      if (result.etag !== undefined) await ctx.store.setState('catalogEtag', result.etag);
    }
    return result.etag === undefined ? { status: 'updated', catalog: result.catalog } : { status: 'updated', catalog: result.catalog, etag: result.etag };
  } catch (error) {
    return stopReport(storageFailure(error));
  }
}

function stopReport(stop: RunStop): CatalogReport {
  const base = { status: stop.status };
  const withProblem = stop.problem ? { ...base, problem: stop.problem } : base;
  return stop.retryAfterMs === undefined ? withProblem : { ...withProblem, retryAfterMs: stop.retryAfterMs };
}
