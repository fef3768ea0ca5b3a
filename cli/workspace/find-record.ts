import type Database from 'better-sqlite3';
import { UserError } from '../program/user-error.ts';
import { RECORD_COLUMNS, type RecordRow } from './record-row.ts';

/** Shortest id prefix accepted: short enough to type, long enough to rarely collide. */
export const MIN_ID_PREFIX = 4;

/**
 * The one record whose id starts with `prefix` (ids are UUIDv7, so a prefix is typed from what
 * `review --list` shows). Unknown or ambiguous prefixes are the user's to fix (exit 2).
 */
export function findRecordByPrefix(db: Database.Database, prefix: string): RecordRow {
  const wanted = prefix.trim().toLowerCase();
  if (wanted.length < MIN_ID_PREFIX || !/^[0-9a-f-]+$/.test(wanted)) {
    throw new UserError('LEAD_ID_INVALID', { id: prefix, min: MIN_ID_PREFIX });
  }
  const rows = db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`)
    .all(wanted, `${wanted}\u{10FFFF}`) as RecordRow[];
  const [first, second] = rows;
  if (!first) throw new UserError('LEAD_ID_UNKNOWN', { id: prefix });
  if (second) throw new UserError('LEAD_ID_AMBIGUOUS', { id: prefix });
  return first;
}
