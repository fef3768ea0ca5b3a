import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[], unknown>;

/** The prepared statements of an import, made once per file (never per row). */
export interface ImportStatements {
  readonly insertImport: Statement;
  readonly finishImport: Statement;
  readonly dropImport: Statement;
  /** Positional: see {@link rowValues} in import-residents.ts for the order. */
  readonly insert: Statement;
  readonly update: Statement;
  readonly unqueue: Statement;
}

const ROW_COLUMNS = `payload, raw, raw_sha256, source_key, import_id, line, issues, valid, commune_code, hamlet,
  hamlet_key, full_name, search_key, date_of_birth, sex, cccd, phone`;
const ROW_PLACES = ROW_COLUMNS.split(',').map(() => '?').join(', ');

export function prepareImportStatements(db: Database.Database): ImportStatements {
  return {
    insertImport: db.prepare(
      `INSERT INTO imports (id, kind, file_name, file_sha256, source, imported_at, rows, new_count, changed_count,
         duplicate_count, invalid_count) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)`,
    ),
    finishImport: db.prepare(
      'UPDATE imports SET new_count = ?, changed_count = ?, duplicate_count = ?, invalid_count = ? WHERE id = ?',
    ),
    dropImport: db.prepare('DELETE FROM imports WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO records (id, type, rev, created_at, updated_at, device_id, training, consent, source, ${ROW_COLUMNS})
       VALUES (?, 'resident', 1, ?, ?, ?, 0, NULL, ?, ${ROW_PLACES})`,
    ),
    update: db.prepare(
      `UPDATE records SET rev = rev + 1, updated_at = ?, (${ROW_COLUMNS}) = (${ROW_PLACES}),
         review_state = 'pending', review_reason = NULL, reviewed_at = NULL, sync_state = 'local'
       WHERE id = ?`,
    ),
    unqueue: db.prepare('DELETE FROM outbox WHERE id = ?'),
  };
}
