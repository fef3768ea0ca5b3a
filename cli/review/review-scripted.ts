import type Database from 'better-sqlite3';
import { findRecordByPrefix } from '../workspace/find-record.ts';
import type { RecordRow } from '../workspace/record-row.ts';
import { approvableWithoutLook, pendingCounts, type PendingCounts } from './review-items.ts';
import { createReviewActions, type ReviewRefusal } from './review-actions.ts';

export interface ScriptedReview {
  readonly approveAllValid: boolean;
  readonly approve: readonly string[];
  readonly reject?: { readonly id: string; readonly reason: string } | undefined;
}

export interface ScriptedReviewResult {
  readonly approved: readonly string[];
  readonly rejected: readonly string[];
  readonly refused: readonly ReviewRefusal[];
  /** Approved records that carry no consent: sync will be refused them until consent is recorded. */
  readonly noConsent: number;
  /** Pending records after the run, by why they still need the lead. */
  readonly left: PendingCounts;
}

/**
 * The review flags, in a fixed order: explicit rejections, explicit approvals, then
 * `--approve-all-valid` (which leaves invalid records and possible duplicates for a human look).
 * Every id is resolved before anything is written, so a typo in one id changes nothing.
 */
export function runScriptedReview(db: Database.Database, request: ScriptedReview, now: () => string): ScriptedReviewResult {
  // One transaction for the whole run (each decision inside is a savepoint): approving 100,000
  // records is one commit, not 100,000.
  return db.transaction(() => scripted(db, request, now))();
}

function scripted(db: Database.Database, request: ScriptedReview, now: () => string): ScriptedReviewResult {
  const toReject = request.reject ? { row: findRecordByPrefix(db, request.reject.id), reason: request.reject.reason } : undefined;
  const toApprove = request.approve.map((id) => findRecordByPrefix(db, id));
  const actions = createReviewActions(db, now);
  const approved: string[] = [];
  const rejected: string[] = [];
  const refused: ReviewRefusal[] = [];
  let noConsent = 0;

  if (toReject) {
    const outcome = actions.reject(toReject.row, toReject.reason);
    if (outcome.done) rejected.push(toReject.row.id);
    else refused.push(outcome.refusal);
  }
  const approveAll = request.approveAllValid ? approvableWithoutLook(db) : [];
  const decide = (row: RecordRow, twinsChecked: boolean): void => {
    const outcome = twinsChecked ? actions.approveChecked(row) : actions.approve(row);
    if (!outcome.done) refused.push(outcome.refusal);
    else if (outcome.changed) {
      approved.push(row.id);
      if (outcome.noConsent) noConsent += 1;
    }
  };
  for (const row of toApprove) decide(row, false);
  for (const row of approveAll) decide(row, true);
  return { approved, rejected, refused, noConsent, left: pendingCounts(db) };
}
