import type { SyncEngineOptions } from './engine-options.ts';
import { pullCatalog, type CatalogReport } from './pull-catalog.ts';
import { pullUpdates, type PullReport } from './pull-updates.ts';
import { createRunContext } from './run-context.ts';
import { runUpload } from './run-upload.ts';
import { singleFlight } from './single-flight.ts';
import type { SyncReport } from './sync-report.ts';

export interface SyncEngine {
  /**
   * Uploads the outbox: attachments, then batches, receipts applied durably before the next
   * request. Never rejects: how it ended is in the report. A call made while a run is going
   * joins that run.
   */
  sync(signal?: AbortSignal): Promise<SyncReport>;
  /** Pulls the province's decisions since the stored cursor. Never rejects. */
  pullUpdates(signal?: AbortSignal): Promise<PullReport>;
  /** Pulls the catalog when its ETag changed. Never rejects. */
  pullCatalog(signal?: AbortSignal): Promise<CatalogReport>;
}

/**
 * The one sync engine of docs/PROTOCOL.md, for the PWA (Dexie + fetch), the CLI (SQLite + ky) and tests
 * (memory + an in-memory province). Everything it touches is passed in.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  return {
    sync: singleFlight((signal?: AbortSignal) => runUpload(createRunContext(options, signal))),
    pullUpdates: singleFlight((signal?: AbortSignal) => pullUpdates(createRunContext(options, signal))),
    pullCatalog: singleFlight((signal?: AbortSignal) => pullCatalog(createRunContext(options, signal), options.applyCatalog)),
  };
}
