import { entryKey } from './outbox-entry.ts';
import type { OutboxCounts, OutboxEntry, OutboxStore, QuarantinedEntry, QuarantineReason, SyncStateKey } from './outbox-store.ts';
import type { Receipt, Update } from './protocol.ts';
import { isStoredReceipt, reasonOfReceipt } from './receipt-reason.ts';

/**
 * The in-memory OutboxStore: the reference every other store is checked against (the contract
 * suite runs over it first), and the store of engine tests. Nothing here survives a reload.
 */
export interface MemoryOutboxStore extends OutboxStore {
  /** Queues an entry; queuing an (id, rev) that is already there changes nothing. */
  enqueue(entry: OutboxEntry): void;
  putAttachment(sha256: string, bytes: Uint8Array): void;
  /** The last decision applied for a record. */
  latestUpdate(id: string): Update | undefined;
}

export function createMemoryOutboxStore(): MemoryOutboxStore {
  // Map iteration order is insertion order: the queue order, with requeued entries at the back.
  const pending = new Map<string, OutboxEntry>();
  const quarantined = new Map<string, QuarantinedEntry>();
  const receipts = new Map<string, Receipt>();
  const attachments = new Map<string, Uint8Array>();
  const updates = new Map<string, Update>();
  const state = new Map<SyncStateKey, string>();

  function moveToQuarantine(key: string, reason: QuarantineReason, at: string): void {
    const entry = pending.get(key);
    if (!entry) return;
    pending.delete(key);
    quarantined.set(key, { ...entry, reason, quarantinedAt: at });
  }

  return {
    enqueue(entry) {
      const key = entryKey(entry);
      if (!pending.has(key) && !quarantined.has(key)) pending.set(key, entry);
    },

    putAttachment(sha256, bytes) {
      attachments.set(sha256, bytes.slice());
    },

    latestUpdate: (id) => updates.get(id),

    async peek({ maxRecords, maxBytes }) {
      const chunk: OutboxEntry[] = [];
      let bytes = 0;
      for (const entry of pending.values()) {
        if (chunk.length >= maxRecords) break;
        if (chunk.length > 0 && bytes + entry.bytes > maxBytes) break;
        chunk.push(entry);
        bytes += entry.bytes;
      }
      return chunk;
    },

    async applyReceipts(list, at) {
      for (const receipt of list) {
        receipts.set(receipt.id, receipt);
        const key = entryKey(receipt);
        if (isStoredReceipt(receipt)) {
          pending.delete(key);
          quarantined.delete(key);
        } else {
          moveToQuarantine(key, reasonOfReceipt(receipt), at);
        }
      }
    },

    async recordAttempt(keys) {
      for (const key of keys) {
        const entry = pending.get(entryKey(key));
        if (entry) pending.set(entryKey(key), { ...entry, attempts: entry.attempts + 1 });
      }
    },

    async quarantine(key, reason, at) {
      moveToQuarantine(entryKey(key), reason, at);
    },

    async requeue(id) {
      let moved = false;
      for (const [key, entry] of quarantined) {
        if (entry.id !== id) continue;
        quarantined.delete(key);
        const { reason: _reason, quarantinedAt: _at, ...rest } = entry;
        pending.set(key, { ...rest, attempts: 0 });
        moved = true;
      }
      return moved;
    },

    async listQuarantined() {
      return [...quarantined.values()];
    },

    async counts() {
      let oldest: OutboxEntry | undefined;
      for (const entry of pending.values()) {
        if (!oldest || Date.parse(entry.queuedAt) < Date.parse(oldest.queuedAt)) oldest = entry;
      }
      const counts: OutboxCounts = { pending: pending.size, quarantined: quarantined.size };
      return oldest ? { ...counts, oldestQueuedAt: oldest.queuedAt } : counts;
    },

    receiptFor: async (id) => receipts.get(id),

    readAttachment: async (sha256) => attachments.get(sha256)?.slice(),

    async applyUpdates(list, cursor) {
      for (const update of list) updates.set(update.id, update);
      state.set('updatesCursor', cursor);
    },

    getState: async (key) => state.get(key),

    async setState(key, value) {
      state.set(key, value);
    },
  };
}
