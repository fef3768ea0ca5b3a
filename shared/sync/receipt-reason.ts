import type { QuarantineReason } from './outbox-store.ts';
import type { Receipt } from './protocol.ts';

/**
 * The reason a rejected or conflicting record is quarantined with: the server's stable code, or
 * `RECEIPT_REJECTED` / `RECEIPT_CONFLICT` when it gave none. Every store uses this, so the
 * volunteer reads the same words whichever device holds the record.
 */
export function reasonOfReceipt(receipt: Receipt): QuarantineReason {
  const code = receipt.code ?? (receipt.status === 'conflict' ? 'RECEIPT_CONFLICT' : 'RECEIPT_REJECTED');
  return receipt.message === undefined ? { code } : { code, message: receipt.message };
}

/** Accepted and duplicate both mean: the province holds exactly this (id, rev). */
export function isStoredReceipt(receipt: Receipt): boolean {
  return receipt.status === 'accepted' || receipt.status === 'duplicate';
}
