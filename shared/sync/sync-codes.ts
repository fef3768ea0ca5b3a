/**
 * Stable codes the engine and transports produce themselves (the server's codes are in
 * protocol.ts). Each has a message in shared/i18n, so a report reaches the volunteer in words.
 */
export const SYNC_CODES = [
  /** No HTTP answer: offline, DNS, refused, or the connection was cut. */
  'SYNC_NETWORK',
  /** The request took longer than the transport's deadline. */
  'TIMEOUT',
  /** The caller's AbortSignal stopped the request. */
  'ABORTED',
  /** The server answered, but not in protocol v1 (bad JSON, wrong shape, wrong batch id). */
  'BAD_RESPONSE',
  /** The outbox names an attachment this device no longer has. */
  'ATTACHMENT_UNREADABLE',
  /** The stored bytes of an attachment do not match its SHA-256 name. */
  'ATTACHMENT_CORRUPT',
  /** The server still lacks an attachment after it was uploaded again. */
  'ATTACHMENT_STILL_MISSING',
  /** The server answered a batch without a receipt for this record. */
  'NO_RECEIPT',
  /** A `rejected` / `conflict` receipt that carried no code of its own. */
  'RECEIPT_REJECTED',
  'RECEIPT_CONFLICT',
  /** Local storage refused a read or a write; nothing was removed. */
  'STORAGE_ERROR',
  /** A transport broke its contract (threw instead of returning a value). */
  'TRANSPORT_ERROR',
  /** The device clock differs from the server's by more than five minutes. */
  'CLOCK_SKEW',
] as const;
export type SyncCode = (typeof SYNC_CODES)[number];
