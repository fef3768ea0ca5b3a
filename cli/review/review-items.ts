import type Database from 'better-sqlite3';
import type { Lang } from '../i18n/index.ts';
import { maskCccd, maskPhone } from '../../shared/validate/mask.ts';
import { createDuplicateFinder, type DuplicateKind } from './dedup.ts';
import { describeIssue } from './describe-issue.ts';
import { issuesOf, RECORD_COLUMNS, type RecordRow, type ReviewState, type SyncState } from '../workspace/record-row.ts';

/** A record as the lead reviews it: who, where from, what is wrong, and who it may be. */
export interface ReviewItem {
  readonly id: string;
  readonly type: string;
  readonly rev: number;
  readonly fullName: string | null;
  readonly dateOfBirth: string | null;
  readonly sex: string | null;
  /** Masked: review output may be pasted or logged. */
  readonly cccd: string | null;
  readonly phone: string | null;
  readonly communeCode: string | null;
  readonly hamlet: string | null;
  readonly source: string;
  readonly line: number | null;
  readonly valid: boolean;
  readonly consent: boolean;
  readonly reviewState: ReviewState;
  readonly reviewReason: string | null;
  readonly syncState: SyncState;
  readonly issues: readonly { readonly field: string; readonly code: string; readonly message: string }[];
  readonly duplicates: readonly ReviewTwin[];
}

export interface ReviewTwin {
  readonly kind: DuplicateKind;
  readonly id: string;
  readonly fullName: string | null;
  readonly dateOfBirth: string | null;
  readonly hamlet: string | null;
  readonly source: string;
  readonly line: number | null;
  readonly reviewState: ReviewState;
}

/** Builds review items with their issues and possible duplicates; prepared once per run. */
export function createReviewItems(db: Database.Database, lang: Lang): (row: RecordRow) => ReviewItem {
  const duplicates = createDuplicateFinder(db);
  return (row) => ({
    id: row.id,
    type: row.type,
    rev: row.rev,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    cccd: row.cccd === null ? null : maskCccd(row.cccd),
    phone: row.phone === null ? null : maskPhone(row.phone),
    communeCode: row.commune_code,
    hamlet: row.hamlet,
    source: row.source,
    line: row.line,
    valid: row.valid === 1,
    consent: row.consent !== null,
    reviewState: row.review_state,
    reviewReason: row.review_reason,
    syncState: row.sync_state,
    issues: issuesOf(row).map((issue) => ({ field: issue.field, code: issue.code, message: describeIssue(lang, issue) })),
    duplicates: duplicates(row).map(({ kind, other }) => ({
      kind,
      id: other.id,
      fullName: other.full_name,
      dateOfBirth: other.date_of_birth,
      hamlet: other.hamlet,
      source: other.source,
      line: other.line,
      reviewState: other.review_state,
    })),
  });
}

/** Records waiting for the lead, oldest first. */
export function pendingRecords(db: Database.Database): RecordRow[] {
  return db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE review_state = 'pending' ORDER BY created_at, id`)
    .all() as RecordRow[];
}

const WITHOUT_LOOK = `FROM records AS r
       WHERE r.review_state = 'pending' AND r.valid = 1
         AND NOT EXISTS (SELECT 1 FROM records AS o WHERE o.type = 'resident' AND r.cccd IS NOT NULL
               AND o.cccd = r.cccd AND o.id <> r.id AND o.review_state <> 'rejected')
         AND NOT EXISTS (SELECT 1 FROM records AS o WHERE o.type = 'resident' AND r.search_key IS NOT NULL
               AND o.search_key = r.search_key AND o.date_of_birth = r.date_of_birth AND o.hamlet_key IS r.hamlet_key
               AND o.id <> r.id AND o.review_state <> 'rejected')`;

/**
 * Pending records `--approve-all-valid` may approve without a human look: valid, and no other
 * record (not rejected) shares their CCCD or their name, date of birth and hamlet.
 */
export function approvableWithoutLook(db: Database.Database): RecordRow[] {
  return db.prepare(`SELECT ${RECORD_COLUMNS} ${WITHOUT_LOOK} ORDER BY r.created_at, r.id`).all() as RecordRow[];
}

export interface PendingCounts {
  readonly pending: number;
  readonly invalid: number;
  /** Valid, but another record may be the same person: the lead decides. */
  readonly duplicates: number;
  /** Valid and alone: `--approve-all-valid` would approve them. */
  readonly ready: number;
}

export function pendingCounts(db: Database.Database): PendingCounts {
  const all = db
    .prepare(`SELECT count(*) AS pending, coalesce(sum(valid = 0), 0) AS invalid FROM records WHERE review_state = 'pending'`)
    .get() as { pending: number; invalid: number };
  const ready = db.prepare(`SELECT count(*) ${WITHOUT_LOOK}`).pluck().get() as number;
  return { ...all, ready, duplicates: all.pending - all.invalid - ready };
}
