import type Database from 'better-sqlite3';
import { createDuplicateFinder } from './dedup.ts';
import type { RecordRow } from '../workspace/record-row.ts';
import { envelopeOf, leadWireRecord } from '../workspace/record-envelope.ts';

/** Why an approval or rejection was refused: stable codes with messages in shared/i18n. */
export type ReviewRefusal =
  | { readonly code: 'LEAD_REVIEW_INVALID'; readonly params: { readonly id: string; readonly count: number } }
  | { readonly code: 'LEAD_REVIEW_DUPLICATE_APPROVED'; readonly params: { readonly id: string; readonly other: string } }
  | { readonly code: 'LEAD_REVIEW_ALREADY_SENT'; readonly params: { readonly id: string } };

export type ReviewOutcome =
  | { readonly done: true; readonly changed: boolean; readonly noConsent: boolean }
  | { readonly done: false; readonly refusal: ReviewRefusal };

export interface ReviewActions {
  approve(row: RecordRow): ReviewOutcome;
  /**
   * For a batch already inside one transaction (no savepoint per record), of records the caller
   * knows have no live twin: `--approve-all-valid` over 100,000 records.
   */
  approveChecked(row: RecordRow): ReviewOutcome;
  reject(row: RecordRow, reason: string): ReviewOutcome;
}

/**
 * The lead's two decisions, each one transaction: an approval writes the record's review state,
 * the audit row and its outbox entry together (so approved records are exactly what sync sends);
 * a rejection takes back an entry that has not left yet.
 */
export function createReviewActions(db: Database.Database, now: () => string): ReviewActions {
  const duplicates = createDuplicateFinder(db);
  const setReview = db.prepare(
    `UPDATE records SET review_state = ?, review_reason = ?, reviewed_at = ?, sync_state = ? WHERE id = ? AND rev = ?`,
  );
  const audit = db.prepare('INSERT INTO reviews (record_id, rev, decision, reason, at) VALUES (?, ?, ?, ?, ?)');
  const enqueue = db.prepare(
    `INSERT INTO outbox (id, rev, type, record, bytes, queued_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id, rev) DO NOTHING`,
  );
  const unqueue = db.prepare('DELETE FROM outbox WHERE id = ?');

  const approveNow = (row: RecordRow, twinsChecked: boolean): ReviewOutcome => {
    const noConsent = row.consent === null;
    if (row.review_state === 'approved') return { done: true, changed: false, noConsent };
    const envelope = row.valid === 1 ? envelopeOf(row) : undefined;
    const wire = envelope ? leadWireRecord(envelope) : undefined;
    if (!wire) {
      const count = (JSON.parse(row.issues) as unknown[]).length;
      return { done: false, refusal: { code: 'LEAD_REVIEW_INVALID', params: { id: row.id, count } } };
    }
    const approvedTwin = twinsChecked
      ? undefined
      : duplicates(row).find((m) => m.kind === 'duplicate' && m.other.review_state === 'approved');
    if (approvedTwin) {
      return {
        done: false,
        refusal: { code: 'LEAD_REVIEW_DUPLICATE_APPROVED', params: { id: row.id, other: approvedTwin.other.id } },
      };
    }
    const at = now();
    // The entry's size is its JSON's, in bytes, as shared/sync/outbox-entry.ts counts it.
    const json = JSON.stringify(wire);
    enqueue.run(wire.id, wire.rev, wire.type, json, Buffer.byteLength(json, 'utf8'), at);
    setReview.run('approved', null, at, row.sync_state === 'sent' ? 'sent' : 'queued', row.id, row.rev);
    audit.run(row.id, row.rev, 'approved', null, at);
    return { done: true, changed: true, noConsent };
  };
  const approve = db.transaction((row: RecordRow) => approveNow(row, false));

  const reject = db.transaction((row: RecordRow, reason: string): ReviewOutcome => {
    const noConsent = row.consent === null;
    if (row.sync_state === 'sent') {
      return { done: false, refusal: { code: 'LEAD_REVIEW_ALREADY_SENT', params: { id: row.id } } };
    }
    if (row.review_state === 'rejected' && row.review_reason === reason) return { done: true, changed: false, noConsent };
    const at = now();
    unqueue.run(row.id);
    setReview.run('rejected', reason, at, 'local', row.id, row.rev);
    audit.run(row.id, row.rev, 'rejected', reason, at);
    return { done: true, changed: true, noConsent };
  });

  const approveChecked = (row: RecordRow): ReviewOutcome => {
    if (!db.inTransaction) throw new Error('approveChecked runs inside a transaction');
    return approveNow(row, true);
  };
  return { approve, approveChecked, reject };
}
