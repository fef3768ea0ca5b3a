import type { Consent } from '../../shared/domain/consent.ts';
import type { RecordEnvelope, RecordType } from '../../shared/domain/records.ts';
import type { LifecycleStatus } from '../../shared/domain/lifecycle.ts';
import type { OutboxEntry, QuarantineReason } from '../../shared/sync/outbox-store.ts';
import type { Receipt, Update } from '../../shared/sync/protocol.ts';

/** Where a record stands on this device: its lifecycle, or held back by a rejection. */
export type RecordStatus = LifecycleStatus | 'quarantined';

export interface StoredRecord {
  readonly id: string;
  readonly type: RecordType;
  readonly rev: number;
  readonly status: RecordStatus;
  /** The household a record belongs to (a household's own id for a household). */
  readonly householdId?: string;
  readonly updatedAt: string;
  /** Case- and diacritic-folded words a search matches against. */
  readonly searchKey: string;
  readonly envelope: RecordEnvelope;
  /** The province's receipt or dossier code, once it has one. */
  readonly serverRef?: string;
  /** Why the record is held back or what the province said, in the province's words. */
  readonly reason?: QuarantineReason;
  readonly decision?: Update;
}

interface AttachmentFacts {
  /** SHA-256 of the plaintext bytes: the content address, whatever the row holds now. */
  readonly sha256: string;
  readonly mime: string;
  /** Plaintext size. */
  readonly bytes: number;
  readonly createdAt: string;
}

/** Encrypted at rest (AES-GCM, at-rest-key.ts); the AAD is the SHA-256, so rows cannot be swapped. */
export interface EncryptedAttachmentRow extends AttachmentFacts {
  readonly atRest: 'encrypted';
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly cipher: Uint8Array<ArrayBuffer>;
}

/** Sent and receipted: the bytes are gone from the phone, the facts stay for the screens. */
export interface PurgedAttachmentRow extends AttachmentFacts {
  readonly atRest: 'purged';
  readonly purgedAt: string;
}

/** Written before schema v4 (plaintext Blob); encrypted in the background after an upgrade. */
export interface PlainAttachmentRow extends AttachmentFacts {
  readonly atRest?: 'plain';
  readonly blob: Blob;
}

export type AttachmentRow = EncryptedAttachmentRow | PurgedAttachmentRow | PlainAttachmentRow;

export interface OutboxRow extends OutboxEntry {
  readonly quarantine: 0 | 1;
  readonly reason?: QuarantineReason;
  readonly quarantinedAt?: string;
}

export interface ReceiptRow extends Receipt {
  readonly at: string;
}

export interface AuditRow {
  readonly seq?: number;
  readonly recordId: string;
  readonly at: string;
  readonly action: 'save' | 'receipt' | 'quarantine' | 'requeue' | 'decision';
  readonly rev?: number;
  readonly code?: string;
}

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

/** A form being filled in: everything typed so far, so nothing is lost to a back press or a crash. */
export interface DraftRow {
  /** Which form, for which record or parent: `household:new`, `resident:new:<household>`, `edit:<record>`… */
  readonly key: string;
  readonly kind: 'household' | 'resident' | 'eid' | 'dossier';
  /** The household it belongs to, to list it there (none for a new household). */
  readonly householdId?: string;
  /** What the volunteer reads in the list of drafts: a name, a procedure. */
  readonly title: string;
  /** The form's values as the form keeps them. */
  readonly values: unknown;
  /** The consent, once the resident gave it for this form. */
  readonly consent?: Consent;
  /** The wizard's step it was left at, to open there again. */
  readonly step?: string;
  readonly updatedAt: string;
}

/** One saved revision of a record, kept for its history. */
export interface RevisionRow {
  readonly id: string;
  readonly rev: number;
  readonly envelope: RecordEnvelope;
  readonly savedAt: string;
  /** The volunteer who saved it (the device is in the envelope). */
  readonly by?: string;
}

/** What the search index needs of a household or resident, and nothing more. */
export interface SearchKeyRow {
  readonly id: string;
  /** The household the row leads to (its own id for a household). */
  readonly householdId: string;
  readonly key: string;
}
