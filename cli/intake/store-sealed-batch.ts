import type Database from 'better-sqlite3';
import type { BatchSummary } from '../../shared/seal/unseal.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { sniffMime } from './attachment-mime.ts';
import type { AttachmentSpill } from './attachment-spill.ts';
import { bytesSha256 } from '../hashing/sha256.ts';
import type { ImportResult, RowProblem } from './import-residents.ts';
import { importWireRecords, type WireImportOptions } from './import-wire-records.ts';
import { isSealedFileImported, recordSealedFile, type RecordOutcome } from './sealed-files.ts';

export interface VerifiedBatchContent {
  readonly summary: BatchSummary;
  readonly file: { readonly name: string; readonly sha256: string };
  /** Every record of the file, in file order (verified by shared/seal before they got here). */
  readonly records: readonly WireRecord[];
  readonly attachments: AttachmentSpill;
}

export type StoredSealedBatch = { readonly replayed: true } | { readonly replayed: false; readonly result: ImportResult };

/** The import's per-record refusals, as a sync receipt would say them to the phone. */
const REFUSALS: Readonly<Record<string, Pick<RecordOutcome, 'status' | 'code'>>> = {
  LEAD_RECORD_REV_CONFLICT: { status: 'conflict', code: 'REV_CONFLICT' },
  LEAD_RECORD_FIELD_INVALID: { status: 'rejected', code: 'RECORD_INVALID' },
  LEAD_RECORD_HASH_MISMATCH: { status: 'rejected', code: 'HASH_MISMATCH' },
};

/**
 * Writes a verified batch in ONE transaction: its attachments (read back from the spill one at a
 * time), its records through `importWireRecords` (the same checks as the hub path), the file's id
 * and each record's receipt. Any throw rolls all of it back. The file id is looked up again
 * inside the transaction, so two imports of one file racing each other store it once.
 */
export function storeSealedBatch(db: Database.Database, batch: VerifiedBatchContent, options: WireImportOptions): StoredSealedBatch {
  const keep = db.prepare('INSERT OR IGNORE INTO attachments (sha256, mime, bytes) VALUES (?, ?, ?)');
  return db.transaction((): StoredSealedBatch => {
    if (isSealedFileImported(db, batch.summary.fileId)) return { replayed: true };
    for (const { sha256, bytes } of batch.attachments.entries()) {
      // The spill sits in the owner-only workspace, but what goes into the store is checked again.
      if (bytesSha256(bytes) !== sha256) throw new Error(`spilled attachment ${sha256.slice(0, 12)} changed before it was stored`);
      keep.run(sha256, sniffMime(bytes), bytes);
    }
    const result = importWireRecords(
      db,
      { deviceId: batch.summary.deviceId, file: batch.file, records: batch.records, attachments: [] },
      options,
    );
    recordSealedFile(db, {
      summary: batch.summary,
      importId: result.importId,
      at: options.now(),
      outcomes: outcomesOf(batch.records, result.problems),
    });
    return { replayed: false, result };
  })();
}

function outcomesOf(records: readonly WireRecord[], problems: readonly RowProblem[]): RecordOutcome[] {
  const refused = new Map<number, Pick<RecordOutcome, 'status' | 'code'>>();
  for (const problem of problems) {
    const refusal = REFUSALS[problem.code];
    if (refusal && !refused.has(problem.index)) refused.set(problem.index, refusal);
  }
  // Records stored (valid or with issues for review) and records already known are both received.
  return records.map((record, index) => ({ id: record.id, rev: record.rev, ...(refused.get(index) ?? { status: 'accepted' }) }));
}
