import type Database from 'better-sqlite3';
import { searchKey } from '../../shared/domain/search-key.ts';
import { RECORD_COLUMNS, type RecordRow } from '../workspace/record-row.ts';

export interface TypeCounts {
  readonly type: string;
  readonly total: number;
  readonly pending: number;
  readonly approved: number;
  readonly rejected: number;
  readonly local: number;
  readonly queued: number;
  readonly sent: number;
  readonly quarantined: number;
}

export interface WorkspaceSummary {
  readonly byType: readonly TypeCounts[];
  /** The province's statuses (receipts and decisions), for records it has answered about. */
  readonly province: readonly { readonly status: string; readonly count: number }[];
  /** Oldest record not yet accepted upstream (and not rejected by the lead). */
  readonly oldestWaitingAt: string | null;
  readonly lastImportAt: string | null;
}

export function workspaceSummary(db: Database.Database): WorkspaceSummary {
  const byType = db
    .prepare(
      `SELECT type, count(*) AS total,
         sum(review_state = 'pending') AS pending, sum(review_state = 'approved') AS approved,
         sum(review_state = 'rejected') AS rejected, sum(sync_state = 'local') AS local,
         sum(sync_state = 'queued') AS queued, sum(sync_state = 'sent') AS sent,
         sum(sync_state = 'quarantined') AS quarantined
       FROM records GROUP BY type ORDER BY type`,
    )
    .all() as TypeCounts[];
  const province = db
    .prepare(
      `SELECT province_status AS status, count(*) AS count FROM records
       WHERE province_status IS NOT NULL GROUP BY province_status ORDER BY count DESC, status`,
    )
    .all() as { status: string; count: number }[];
  const oldestWaitingAt = db
    .prepare(`SELECT min(created_at) FROM records WHERE sync_state <> 'sent' AND review_state <> 'rejected'`)
    .pluck()
    .get() as string | null;
  const lastImportAt = db.prepare('SELECT max(imported_at) FROM imports').pluck().get() as string | null;
  return { byType, province, oldestWaitingAt, lastImportAt };
}

/** Residents of one hamlet ("ấp 3" finds "Ấp 3"), in the order they were registered. */
export function recordsOfHamlet(db: Database.Database, hamlet: string): RecordRow[] {
  return db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE hamlet_key = ? ORDER BY created_at, id`)
    .all(searchKey(hamlet)) as RecordRow[];
}

export interface HistoryEvent {
  readonly at: string;
  /** `imported` | `approved` | `rejected` | `receipt` | `decision` */
  readonly kind: string;
  readonly rev: number | null;
  readonly detail: string | null;
}

/**
 * A record's life as the lead's workspace saw it: when it came in, the lead's decisions, the
 * server's receipts and the province's decisions, oldest first.
 */
export function historyOf(db: Database.Database, row: RecordRow): HistoryEvent[] {
  const events = db
    .prepare(
      `SELECT i.imported_at AS at, 'imported' AS kind, NULL AS rev, i.file_name AS detail
         FROM imports AS i JOIN records AS r ON r.import_id = i.id WHERE r.id = @id
       UNION ALL
       SELECT at, decision, rev, reason FROM reviews WHERE record_id = @id
       UNION ALL
       SELECT at, 'receipt', rev, status || coalesce(' ' || server_ref, '') || coalesce(' ' || code, '')
         FROM receipts WHERE id = @id
       UNION ALL
       SELECT at, 'decision', NULL, status || coalesce(' ' || server_ref, '') || coalesce(' ' || code, '')
         FROM decisions WHERE record_id = @id
       ORDER BY at`,
    )
    .all({ id: row.id }) as HistoryEvent[];
  return events;
}
