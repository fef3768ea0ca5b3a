import type { OutboxEntry } from './outbox-store.ts';
import type { WireRecord } from './protocol.ts';

/** An outbox row for a wire record: the size stores bound chunks with is counted once, here. */
export function toOutboxEntry(record: WireRecord, queuedAt: string): OutboxEntry {
  return {
    id: record.id,
    rev: record.rev,
    type: record.type,
    record,
    bytes: new TextEncoder().encode(JSON.stringify(record)).byteLength,
    queuedAt,
    attempts: 0,
  };
}

/** The (id, rev) key an entry is known by in the outbox and in receipts. */
export function entryKey(entry: { readonly id: string; readonly rev: number }): string {
  return `${entry.id}@${entry.rev}`;
}
