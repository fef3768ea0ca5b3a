import type Database from 'better-sqlite3';
import type { BatchSummary } from '../../shared/seal/unseal.ts';
import type { Receipt, ReceiptStatus } from '../../shared/sync/protocol.ts';

export function isSealedFileImported(db: Database.Database, fileId: string): boolean {
  return db.prepare('SELECT 1 FROM sealed_files WHERE file_id = ?').get(fileId) !== undefined;
}

export interface RecordOutcome {
  readonly id: string;
  readonly rev: number;
  readonly status: ReceiptStatus;
  /** A protocol error code for a rejection or a conflict (as a sync receipt would carry). */
  readonly code?: string;
}

/** Notes the file as imported and the outcome of each of its records; runs inside the import's transaction. */
export function recordSealedFile(
  db: Database.Database,
  file: { readonly summary: BatchSummary; readonly importId: string | null; readonly at: string; readonly outcomes: readonly RecordOutcome[] },
): void {
  const { summary } = file;
  db.prepare(
    `INSERT INTO sealed_files (file_id, device_id, device_key_id, created_at, imported_at, import_id, records, attachments)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    summary.fileId,
    summary.deviceId,
    summary.deviceKeyId,
    summary.createdAt,
    file.at,
    file.importId,
    summary.records.length,
    summary.attachments.length,
  );
  const receipt = db.prepare(
    `INSERT INTO sealed_receipts (device_id, record_id, rev, status, code, file_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (device_id, record_id, rev) DO UPDATE SET status = excluded.status, code = excluded.code,
       file_id = excluded.file_id, at = excluded.at`,
  );
  for (const outcome of file.outcomes) {
    receipt.run(summary.deviceId, outcome.id, outcome.rev, outcome.status, outcome.code ?? null, summary.fileId, file.at);
  }
}

/** The receipts a device gets back, oldest first, at most `limit` (the receipt file's bound). */
export function sealedReceiptsFor(db: Database.Database, deviceId: string, limit: number): Receipt[] {
  const rows = db
    .prepare<[string, number], { id: string; rev: number; status: ReceiptStatus; code: string | null }>(
      `SELECT id, rev, status, code FROM (
         SELECT record_id AS id, rev, status, code, at FROM sealed_receipts WHERE device_id = ? ORDER BY at DESC, record_id LIMIT ?
       ) ORDER BY at, id`,
    )
    .all(deviceId, limit);
  return rows.map((row) => ({ id: row.id, rev: row.rev, status: row.status, ...(row.code === null ? {} : { code: row.code }) }));
}

/** Devices whose files were imported: what the lead may have meant by a mistyped `--device`. */
export function devicesWithSealedFiles(db: Database.Database): string[] {
  return db.prepare('SELECT DISTINCT device_id FROM sealed_files ORDER BY device_id').pluck().all() as string[];
}
