import type { BackoffPolicy } from './backoff.ts';
import type { Ids } from './ids.ts';
import type { OutboxStore } from './outbox-store.ts';
import { MAX_BATCH_BYTES, MAX_RECORDS_PER_BATCH } from './protocol.ts';
import type { SyncProgress } from './sync-report.ts';
import type { Transport } from './transport.ts';

export interface ChunkLimits {
  readonly maxRecords: number;
  readonly maxBytes: number;
}

export interface SyncEngineOptions {
  readonly store: OutboxStore;
  readonly transport: Transport;
  /** The device that signs batches (from enrolment). */
  readonly deviceId: string;
  /** Epoch milliseconds; the device clock, which the engine never trusts blindly. */
  readonly clock: () => number;
  /** Uniform in [0, 1): the jitter of backoff. */
  readonly random: () => number;
  readonly ids: Ids;
  /** Waits `ms`, returning early (resolving or rejecting) when `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Chunk bounds; docs/PROTOCOL.md asks for 100–500 records. Defaults: 250 records, 1 MiB. */
  readonly limits?: Partial<ChunkLimits>;
  /** Tries per request before the run stops as offline / server-unavailable. Default 6. */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffPolicy;
  /** A `Retry-After` longer than this ends the run instead of holding it. Default 2 min. */
  readonly maxRetryAfterMs?: number;
  /** Uploads of the attachments a receipt says are missing, per chunk, before giving up. Default 2. */
  readonly maxAttachmentRounds?: number;
  /**
   * Chunks processed at once (1–4). Default 2: on a slow link with long round trips the next
   * batch uploads while the previous answer is on its way back. Two revs of one record are never
   * in flight together, so the server sees them in order.
   */
  readonly maxBatchesInFlight?: number;
  readonly onProgress?: (event: SyncProgress) => void;
  /** Stores a new catalog; its ETag is saved only after this resolves. */
  readonly applyCatalog?: (catalog: unknown) => Promise<void>;
}

export const DEFAULT_LIMITS: ChunkLimits = { maxRecords: 250, maxBytes: 1024 * 1024 };

/** The limits the engine actually uses: the protocol's ceilings always hold, whatever is asked. */
export function effectiveLimits(asked: Partial<ChunkLimits> | undefined): ChunkLimits {
  const clamp = (value: number | undefined, fallback: number, max: number): number =>
    value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(1, Math.floor(value)));
  return {
    maxRecords: clamp(asked?.maxRecords, DEFAULT_LIMITS.maxRecords, MAX_RECORDS_PER_BATCH),
    maxBytes: clamp(asked?.maxBytes, DEFAULT_LIMITS.maxBytes, MAX_BATCH_BYTES),
  };
}
