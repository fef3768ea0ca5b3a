import type { SyncEngine } from '../../shared/sync/engine.ts';
import { createSyncEngine } from '../../shared/sync/engine.ts';
import { createHttpTransport, type FetchLike } from '../../shared/sync/http-transport.ts';
import { systemIds } from '../../shared/sync/ids.ts';
import type { OutboxStore } from '../../shared/sync/outbox-store.ts';
import { sleep } from '../../shared/sync/sleep.ts';
import type { SyncProgress } from '../../shared/sync/sync-report.ts';
import type { Lang } from '../i18n/index.ts';
import type { Enrolment } from '../workspace/config.ts';
import { gzipBytes } from './gzip.ts';
import { kyFetch } from './ky-fetch.ts';

export interface LeadEngineOptions {
  readonly store: OutboxStore;
  /** The laptop's enrolment: the server its token is for, the token, the device id. */
  readonly enrolment: Enrolment;
  readonly onProgress?: (event: SyncProgress) => void;
  readonly applyCatalog?: (catalog: unknown) => Promise<void>;
  /** The lead's language: the server words its refusals in it (Accept-Language). */
  readonly lang?: Lang;
  /** ky by default; tests may pass another fetch-compatible function. */
  readonly fetch?: FetchLike;
}

/** A batch of 250 residents over a rural 3G link: well under a minute; beyond that, try again. */
const REQUEST_TIMEOUT_MS = 60_000;

/** The shared engine (docs/PROTOCOL.md) as the lead's laptop runs it: SQLite outbox, ky, gzip, real time. */
export function createLeadSyncEngine(options: LeadEngineOptions): SyncEngine {
  const { enrolment, lang } = options;
  const base = options.fetch ?? kyFetch;
  const fetch: FetchLike =
    lang === undefined ? base : (url, init) => base(url, { ...init, headers: { ...init.headers, 'accept-language': lang } });
  const transport = createHttpTransport({
    baseUrl: enrolment.server,
    token: enrolment.token,
    fetch,
    gzip: gzipBytes,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  return createSyncEngine({
    store: options.store,
    transport,
    deviceId: enrolment.deviceId,
    clock: Date.now,
    random: Math.random,
    ids: systemIds,
    sleep,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.applyCatalog ? { applyCatalog: options.applyCatalog } : {}),
  });
}
