import type { RecordType } from '../domain/records.ts';
import type { Receipt, Update, WireRecord } from './protocol.ts';

/**
 * One record waiting in the outbox: the exact wire form that will be sent, so what is hashed,
 * sent and receipted is the same thing. Keyed by (id, rev): editing a record while an older rev is
 * in flight queues the new rev, and the old rev's receipt must not remove it.
 */
export interface OutboxEntry {
  readonly id: string;
  readonly rev: number;
  readonly type: RecordType;
  readonly record: WireRecord;
  /** Size of the record's JSON, for byte-bounded chunks. */
  readonly bytes: number;
  /** Device time it was queued (ISO). */
  readonly queuedAt: string;
  /** Send attempts that ended without a receipt (transient failures). */
  readonly attempts: number;
}

export interface QuarantineReason {
  /** Stable code: the receipt's code (`RECORD_INVALID`, `TRAINING_RECORD`, …) or the engine's. */
  readonly code: string;
  readonly message?: string;
}

export interface QuarantinedEntry extends OutboxEntry {
  readonly reason: QuarantineReason;
  readonly quarantinedAt: string;
}

export interface OutboxCounts {
  readonly pending: number;
  readonly quarantined: number;
  /** The earliest queuedAt among pending entries, when there is one. */
  readonly oldestQueuedAt?: string;
}

/** Small key-value state the engine keeps beside the outbox. */
export type SyncStateKey = 'updatesCursor' | 'catalogEtag' | 'clockOffsetMs' | 'lastSyncAt';

/**
 * The storage the sync engine runs over: Dexie in the PWA, SQLite in the CLI and hub, memory in
 * tests. Every method that changes state must be durable when its promise resolves (docs/PROTOCOL.md:
 * "every state change is durable before the next request"). No method is held open across a
 * network call: the engine reads, lets go, sends, then writes.
 */
export interface OutboxStore {
  /**
   * Pending (not quarantined) entries in queue order (oldest first), as the longest prefix within
   * both bounds — but at least one entry if any is pending, even one bigger than `maxBytes`, so a
   * big record still goes (alone). Read-only: the engine sends, then writes.
   */
  peek(limits: { readonly maxRecords: number; readonly maxBytes: number }): Promise<OutboxEntry[]>;

  /**
   * Applies one batch's receipts in one transaction: `accepted`/`duplicate` remove the entry with
   * that exact (id, rev) — pending or quarantined — and keep the receipt; `rejected`/`conflict`
   * quarantine a pending entry with `reasonOfReceipt(receipt)` (receipt-reason.ts). A receipt for
   * an older rev never touches a newer rev of the same id. Receipts for (id, rev) pairs no longer
   * in the outbox are kept but change nothing else.
   */
  applyReceipts(receipts: readonly Receipt[], at: string): Promise<void>;

  /** Counts one more failed attempt on these pending entries; unknown keys are ignored. */
  recordAttempt(keys: readonly { readonly id: string; readonly rev: number }[]): Promise<void>;

  /**
   * Quarantines one pending entry with the engine's own reason (e.g. an attachment that cannot be
   * read); does nothing if that (id, rev) is not pending.
   */
  quarantine(key: { readonly id: string; readonly rev: number }, reason: QuarantineReason, at: string): Promise<void>;

  /**
   * Moves every quarantined entry of a record back to pending, at the back of the queue with its
   * attempts reset (after the volunteer fixed the cause); false if none was quarantined.
   */
  requeue(id: string): Promise<boolean>;

  listQuarantined(): Promise<QuarantinedEntry[]>;

  counts(): Promise<OutboxCounts>;

  /** The last receipt received for a record, if any. */
  receiptFor(id: string): Promise<Receipt | undefined>;

  /** Bytes of a content-addressed attachment, or undefined if this store does not have it. */
  readAttachment(sha256: string): Promise<Uint8Array | undefined>;

  /** Stores the province's decisions and the new cursor in one transaction. */
  applyUpdates(updates: readonly Update[], cursor: string): Promise<void>;

  getState(key: SyncStateKey): Promise<string | undefined>;
  setState(key: SyncStateKey, value: string): Promise<void>;
}
