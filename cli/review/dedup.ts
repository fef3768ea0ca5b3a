import type Database from 'better-sqlite3';
import { RECORD_COLUMNS, type RecordRow } from '../workspace/record-row.ts';

/**
 * `duplicate`: the same CCCD. `possible`: the same folded name, date of birth and hamlet — shown
 * beside the other for the lead to judge (twins share a birthday, rarely a name too).
 */
export type DuplicateKind = 'duplicate' | 'possible';

export interface DuplicateMatch {
  readonly kind: DuplicateKind;
  readonly other: RecordRow;
}

type PersonKeys = Pick<RecordRow, 'id' | 'cccd' | 'date_of_birth' | 'search_key' | 'hamlet_key'>;

/** Finds the other residents a record may be (across volunteers and files); prepared once. */
export function createDuplicateFinder(db: Database.Database): (record: PersonKeys) => DuplicateMatch[] {
  const byCccd = db.prepare(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE type = 'resident' AND cccd = ? AND id <> ? ORDER BY created_at, id`,
  );
  const byPerson = db.prepare(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE type = 'resident' AND search_key = ? AND date_of_birth = ? AND hamlet_key IS ? AND id <> ?
     ORDER BY created_at, id`,
  );
  return (record) => {
    const matches: DuplicateMatch[] = [];
    const seen = new Set<string>();
    if (record.cccd) {
      for (const other of byCccd.all(record.cccd, record.id) as RecordRow[]) {
        seen.add(other.id);
        matches.push({ kind: 'duplicate', other });
      }
    }
    if (record.search_key && record.date_of_birth) {
      const people = byPerson.all(record.search_key, record.date_of_birth, record.hamlet_key, record.id) as RecordRow[];
      for (const other of people) {
        if (!seen.has(other.id)) matches.push({ kind: 'possible', other });
      }
    }
    return matches;
  };
}
