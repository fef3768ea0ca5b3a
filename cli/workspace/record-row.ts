import type { RecordType } from '../../shared/domain/records.ts';

export const REVIEW_STATES = ['pending', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Where a record stands on its way upstream (for its current rev). */
export const SYNC_STATES = ['local', 'queued', 'sent', 'quarantined'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** A problem found in one record, as stored: the shared validator's code and its params. */
export interface StoredIssue {
  readonly field: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** One row of `records`, as the queries here select it (see migrations.ts). */
export interface RecordRow {
  readonly id: string;
  readonly type: RecordType;
  readonly rev: number;
  readonly created_at: string;
  readonly updated_at: string;
  readonly device_id: string;
  readonly training: 0 | 1;
  /** The phone's clock offset from the server's when it made the record (ms), if it knew it. */
  readonly clock_offset_ms: number | null;
  readonly consent: string | null;
  readonly payload: string | null;
  readonly raw: string | null;
  readonly source: string;
  readonly source_key: string;
  readonly line: number | null;
  readonly issues: string;
  readonly valid: 0 | 1;
  readonly commune_code: string | null;
  readonly hamlet: string | null;
  readonly hamlet_key: string | null;
  readonly full_name: string | null;
  readonly search_key: string | null;
  readonly date_of_birth: string | null;
  readonly sex: string | null;
  readonly cccd: string | null;
  readonly phone: string | null;
  readonly eid_level: number | null;
  readonly procedure_code: string | null;
  readonly lifecycle: string | null;
  readonly review_state: ReviewState;
  readonly review_reason: string | null;
  readonly reviewed_at: string | null;
  readonly sync_state: SyncState;
  readonly province_status: string | null;
  readonly server_ref: string | null;
  readonly province_at: string | null;
}

export const RECORD_COLUMNS = `id, type, rev, created_at, updated_at, device_id, training, clock_offset_ms, consent, payload,
  raw, source, source_key, line, issues, valid, commune_code, hamlet, hamlet_key, full_name, search_key, date_of_birth,
  sex, cccd, phone, eid_level, procedure_code, lifecycle, review_state, review_reason, reviewed_at, sync_state,
  province_status, server_ref, province_at`;

export function issuesOf(row: Pick<RecordRow, 'issues'>): StoredIssue[] {
  const parsed: unknown = JSON.parse(row.issues);
  return Array.isArray(parsed) ? (parsed as StoredIssue[]) : [];
}

/** The status a report speaks of: the province's word when it has spoken, else the device's. */
export function lifecycleOf(row: Pick<RecordRow, 'province_status' | 'lifecycle'>): string | null {
  return row.province_status ?? row.lifecycle;
}
