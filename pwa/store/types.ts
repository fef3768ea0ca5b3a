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

export interface AttachmentRow {
  readonly sha256: string;
  readonly blob: Blob;
  readonly mime: string;
  readonly bytes: number;
  readonly createdAt: string;
}

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

/** What the search index needs of a household or resident, and nothing more. */
export interface SearchKeyRow {
  readonly id: string;
  /** The household the row leads to (its own id for a household). */
  readonly householdId: string;
  readonly key: string;
}
