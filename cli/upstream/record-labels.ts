import type Database from 'better-sqlite3';
import { maskCccd } from '../../shared/validate/mask.ts';

/** How a record is named in sync and updates output: never its CCCD in full (house rule). */
export interface RecordLabel {
  readonly id: string;
  readonly type: string;
  /** The person's name (a resident's own, or the resident an application is for). */
  readonly name: string | null;
  /** The CCCD masked (`0960****3456`), when the record has one. */
  readonly cccd: string | null;
}

/** Labels for these record ids from the workspace; an id the workspace does not hold gets none. */
export function recordLabels(db: Database.Database, ids: readonly string[]): Map<string, RecordLabel> {
  const read = db.prepare<[string], { id: string; type: string; full_name: string | null; cccd: string | null }>(
    'SELECT id, type, full_name, cccd FROM records WHERE id = ?',
  );
  const labels = new Map<string, RecordLabel>();
  for (const id of new Set(ids)) {
    const row = read.get(id);
    if (row) labels.set(id, { id, type: row.type, name: row.full_name, cccd: row.cccd === null ? null : maskCccd(row.cccd) });
  }
  return labels;
}
