import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { BackoffPolicy } from '../../shared/sync/backoff.ts';
import type { ChunkLimits } from '../../shared/sync/engine-options.ts';
import { createSyncEngine, type SyncEngine } from '../../shared/sync/engine.ts';
import { createHttpTransport, type FetchLike } from '../../shared/sync/http-transport.ts';
import { systemIds } from '../../shared/sync/ids.ts';
import { createMemoryOutboxStore, type MemoryOutboxStore } from '../../shared/sync/memory-outbox-store.ts';
import { toOutboxEntry } from '../../shared/sync/outbox-entry.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { sleep as realSleep } from '../../shared/sync/sleep.ts';
import type { SyncProgress, SyncReport } from '../../shared/sync/sync-report.ts';
import { seededRandom } from './fault-proxy.ts';

const gzipAsync = promisify(gzip);

/** The transport's gzip for batch bodies, from node:zlib (CompressionStream in browsers). */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  return gzipAsync(bytes);
}

/** One HTTP answer as the client saw it. */
export interface SeenResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The sandbox marks an idempotent replay of a batch it had already committed. */
  readonly replayed: boolean;
}

export interface NodeFetchOptions {
  /**
   * One connection per request: Node's fetch keeps connections alive, and a fault proxy judges
   * each connection once, so without this most requests would ride an uncut connection.
   */
  readonly connectionClose?: boolean;
  /** Every answer that arrived, in order. */
  readonly seen?: SeenResponse[];
}

/** Node's fetch as the transport's FetchLike (it sends Accept-Encoding: gzip and inflates answers). */
export function nodeFetch(options: NodeFetchOptions = {}): FetchLike {
  return async (url, init) => {
    const headers = options.connectionClose ? { ...init.headers, connection: 'close' } : init.headers;
    const response = await fetch(url, {
      method: init.method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    });
    options.seen?.push({
      method: init.method,
      path: new URL(url).pathname,
      status: response.status,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    });
    return response;
  };
}

export interface SyncClientOptions {
  readonly baseUrl: string;
  readonly deviceId: string;
  readonly token: string | (() => string | undefined);
  readonly records: readonly WireRecord[];
  /** The outbox to use (a device signing in again keeps its outbox); a new one by default. */
  readonly store?: MemoryOutboxStore;
  /** Attachments the device holds, by SHA-256. */
  readonly attachments?: ReadonlyMap<string, Uint8Array>;
  readonly seed?: number;
  readonly fetch?: FetchLike;
  readonly limits?: Partial<ChunkLimits>;
  readonly backoff?: BackoffPolicy;
  readonly maxAttempts?: number;
  readonly maxRetryAfterMs?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly onProgress?: (event: SyncProgress) => void;
}

export interface SyncClient {
  readonly store: MemoryOutboxStore;
  readonly engine: SyncEngine;
  /** Syncs until the run says complete, auth is needed, or `maxRounds` runs are spent. */
  syncUntilSettled(maxRounds: number, signal?: AbortSignal): Promise<SyncReport[]>;
}

/**
 * A device as the PWA and CLI build it: an outbox (in memory here) holding the exact wire
 * records, the shared engine, and the HTTP transport with gzip, over Node's fetch.
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const store = options.store ?? createMemoryOutboxStore();
  for (const record of options.records) store.enqueue(toOutboxEntry(record, record.createdAt));
  for (const [sha256, bytes] of options.attachments ?? []) store.putAttachment(sha256, bytes);
  const transport = createHttpTransport({
    baseUrl: options.baseUrl,
    token: options.token,
    fetch: options.fetch ?? nodeFetch(),
    gzip: gzipBytes,
    timeoutMs: 30_000,
  });
  const engine = createSyncEngine({
    store,
    transport,
    deviceId: options.deviceId,
    clock: Date.now,
    random: seededRandom(options.seed ?? 1),
    ids: systemIds,
    sleep: options.sleep ?? realSleep,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs: options.maxRetryAfterMs }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    store,
    engine,
    async syncUntilSettled(maxRounds, signal) {
      const reports: SyncReport[] = [];
      for (let round = 0; round < maxRounds && signal?.aborted !== true; round += 1) {
        const report = await engine.sync(signal);
        reports.push(report);
        if (report.status === 'complete' || report.status === 'auth-required' || report.status === 'aborted') break;
      }
      return reports;
    },
  };
}
