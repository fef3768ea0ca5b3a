import type Database from 'better-sqlite3';
import { LIFECYCLE_STATUSES } from '../../shared/domain/lifecycle.ts';
import { RECORD_TYPES, type RecordType } from '../../shared/domain/records.ts';
import { parseDate } from '../../shared/validate/dates.ts';
import { searchKey } from '../../shared/domain/search-key.ts';
import { UserError } from '../program/user-error.ts';
import { RECORD_COLUMNS, REVIEW_STATES, SYNC_STATES, type RecordRow } from '../workspace/record-row.ts';

/** A status filter matches the lead's review, the sync state, or the province's lifecycle status. */
export const EXPORT_STATUSES: readonly string[] = [...new Set<string>([...REVIEW_STATES, ...SYNC_STATES, ...LIFECYCLE_STATUSES])];

export interface ExportFilters {
  readonly hamlet?: string | undefined;
  readonly status?: string | undefined;
  readonly type?: RecordType | undefined;
  /** ISO dates, inclusive, on the day the record was made (Asia/Ho_Chi_Minh). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ExportFlags {
  readonly hamlet?: string | undefined;
  readonly status?: string | undefined;
  readonly type?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Checks the filter flags at the edge: each bad value is a usage error naming its flag. */
export function parseExportFilters(flags: ExportFlags): ExportFilters {
  const choice = (flag: string, value: string | undefined, choices: readonly string[]): string | undefined => {
    if (value === undefined) return undefined;
    if (!choices.includes(value)) throw new UserError('LEAD_FLAG_CHOICE', { flag, value, choices: choices.join(', ') });
    return value;
  };
  const date = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const parsed = parseDate(value);
    if (parsed === undefined) throw new UserError('LEAD_DATE_INVALID', { flag, value });
    return parsed;
  };
  const type = choice('--type', flags.type, RECORD_TYPES);
  const filters: ExportFilters = {
    hamlet: flags.hamlet,
    status: choice('--status', flags.status, EXPORT_STATUSES),
    type: RECORD_TYPES.find((t) => t === type),
    from: date('--from', flags.from),
    to: date('--to', flags.to),
  };
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    throw new UserError('LEAD_DATE_RANGE', { from: filters.from, to: filters.to });
  }
  return filters;
}

/** Start of a Vietnamese day as a UTC instant (Vietnam keeps UTC+7 all year). */
function startOfDay(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00+07:00`).toISOString();
}

function nextDay(isoDate: string): string {
  const next = new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDay(next);
}

/** The records matching every filter given, in the order they were made. */
export function exportRows(db: Database.Database, filters: ExportFilters): IterableIterator<RecordRow> {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filters.hamlet !== undefined) {
    where.push('hamlet_key = @hamlet');
    params['hamlet'] = searchKey(filters.hamlet);
  }
  if (filters.status !== undefined) {
    where.push('(review_state = @status OR sync_state = @status OR coalesce(province_status, lifecycle) = @status)');
    params['status'] = filters.status;
  }
  if (filters.type !== undefined) {
    where.push('type = @type');
    params['type'] = filters.type;
  }
  // julianday() reads offsets, so device times with +07:00 compare right with UTC ones.
  if (filters.from !== undefined) {
    where.push('julianday(created_at) >= julianday(@from)');
    params['from'] = startOfDay(filters.from);
  }
  if (filters.to !== undefined) {
    where.push('julianday(created_at) < julianday(@to)');
    params['to'] = nextDay(filters.to);
  }
  const sql = `SELECT ${RECORD_COLUMNS} FROM records ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`;
  return db.prepare(sql).iterate(params) as IterableIterator<RecordRow>;
}
