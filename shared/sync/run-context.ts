import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { effectiveLimits, type ChunkLimits, type SyncEngineOptions } from './engine-options.ts';
import type { OutboxEntry } from './outbox-store.ts';
import type { SyncProgress, SyncReason } from './sync-report.ts';

/** Everything one run needs: the injected world (the engine's options) plus what the run has learnt so far. */
export interface RunContext extends Pick<SyncEngineOptions, 'store' | 'transport' | 'deviceId' | 'clock' | 'random' | 'ids' | 'sleep'> {
  readonly limits: ChunkLimits;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  readonly maxRetryAfterMs: number;
  readonly maxAttachmentRounds: number;
  /** Batches on the wire at once: the next one uploads while the last one's answer travels. */
  readonly maxBatchesInFlight: number;
  readonly signal: AbortSignal | undefined;
  readonly tally: RunTally;
  emit(event: SyncProgress): void;
  /**
   * Runs a store write as one of this run's state changes: no request of the run starts until
   * every write begun before it is durable (docs/PROTOCOL.md), even with two batches in flight.
   */
  write<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once every write begun so far has settled. */
  writesSettled(): Promise<void>;
  /** Now, as the ISO timestamp stores write. */
  nowIso(): string;
}

export interface RunTally {
  sent: number;
  accepted: number;
  duplicate: number;
  quarantined: number;
  readonly reasons: SyncReason[];
  /** (id@rev) of every entry offered in this run: none is offered twice, so none can loop. */
  readonly offered: Set<string>;
  /** Entries left pending for the next run (id@rev → bytes): peek must look past them. */
  readonly deferred: Map<string, number>;
  /** Entries of chunks still being processed (id@rev → entry): peek must look past them too. */
  readonly inFlight: Map<string, OutboxEntry>;
  /** No request starts before this (epoch ms of `clock`): a Retry-After holds every chunk. */
  holdUntilMs: number;
  /** Attachments the server is known to hold (HEAD said so, or our PUT succeeded). */
  readonly serverHas: Set<string>;
  clockOffsetMs?: number;
}

export function createRunContext(options: SyncEngineOptions, signal: AbortSignal | undefined): RunContext {
  const { onProgress } = options;
  const writes = new Set<Promise<unknown>>();
  return {
    store: options.store,
    transport: options.transport,
    deviceId: options.deviceId,
    clock: options.clock,
    random: options.random,
    ids: options.ids,
    sleep: options.sleep,
    limits: effectiveLimits(options.limits),
    maxAttempts: Math.max(1, options.maxAttempts ?? 6),
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    maxAttachmentRounds: Math.max(1, options.maxAttachmentRounds ?? 2),
    maxBatchesInFlight: Math.min(4, Math.max(1, Math.floor(options.maxBatchesInFlight ?? 2))),
    signal,
    tally: { sent: 0, accepted: 0, duplicate: 0, quarantined: 0, reasons: [], offered: new Set(), deferred: new Map(), inFlight: new Map(), holdUntilMs: 0, serverHas: new Set() },
    emit(event) {
      try {
        onProgress?.(event);
      } catch {
        // A broken progress listener must not stop the upload.
      }
    },
    nowIso: () => new Date(options.clock()).toISOString(),
    write(work) {
      const written = work();
      const settled = written.then(
        () => undefined,
        () => undefined,
      );
      writes.add(settled);
      void settled.then(() => writes.delete(settled));
      return written;
    },
    async writesSettled() {
      while (writes.size > 0) await Promise.all(writes);
    },
  };
}
