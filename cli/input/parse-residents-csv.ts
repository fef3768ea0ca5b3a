import { parse, type CsvError } from 'csv-parse/sync';
import type { ResidentInput } from '../../shared/validate/resident.ts';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';
import { csvRecordStarts } from './csv-record-lines.ts';
import { ALL_COLUMNS, REQUIRED_COLUMNS, type ResidentColumn, type ResidentRow } from './resident-row.ts';

const BY_LOWER_NAME: ReadonlyMap<string, ResidentColumn> = new Map(ALL_COLUMNS.map((c) => [c.toLowerCase(), c]));
const encoder = new TextEncoder();
/** Records parsed per slice: small enough to die young in the GC, big enough to amortise a call. */
export const CSV_SLICE_RECORDS = 4096;

function isCsvError(error: unknown): error is CsvError & { records?: unknown } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'lines' in error;
}

const isBlankRecord = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

/** Maps the header to column positions; refuses a missing, unknown or repeated column. */
function columnsOf(header: readonly string[], path: string): readonly (readonly [ResidentColumn, number])[] {
  const positions = new Map<ResidentColumn, number>();
  header.forEach((raw, position) => {
    const name = raw.trim();
    const column = BY_LOWER_NAME.get(name.toLowerCase());
    if (column === undefined) {
      throw new UserError('CSV_COLUMN_UNKNOWN', { path, column: name, allowed: ALL_COLUMNS.join(',') });
    }
    if (positions.has(column)) throw new UserError('CSV_COLUMN_DUPLICATE', { path, column });
    positions.set(column, position);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length > 0) {
    throw new UserError('CSV_COLUMN_MISSING', { path, missing: missing.join(', '), columns: REQUIRED_COLUMNS.join(',') });
  }
  return [...positions];
}

/**
 * Hands each resident of a CSV (RFC 4180: quoted cells may hold commas, quotes and line
 * breaks; a UTF-8 BOM is ignored; blank lines and a spreadsheet's rows of empty cells are
 * skipped) to `onRow`, in order. The first line is the header. The file is parsed in slices of
 * records, so a 100,000-row file never sits in memory as records. A malformed file is refused
 * (UserError, exit 2) naming the line where the record in trouble starts; rows before it have
 * been handed over.
 */
export function forEachResidentCsvRow(
  data: Uint8Array | string,
  path: string,
  onRow: (row: ResidentRow) => void,
  sliceRecords = CSV_SLICE_RECORDS,
): void {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const { lines, offsets } = csvRecordStarts(bytes);
  let columns: readonly (readonly [ResidentColumn, number])[] | undefined;
  let width = 0;
  let index = 0;
  for (let first = 0; first < offsets.length; first += sliceRecords) {
    const end = offsets[first + sliceRecords] ?? bytes.length;
    let records: string[][];
    try {
      // Column counts are compared with the header below, not within a slice.
      records = parse(bytes.subarray(offsets[first], end), { skip_empty_lines: true, relax_column_count: true });
    } catch (error) {
      if (!isCsvError(error)) throw error;
      // `records` counts the records of the slice read before the one that failed.
      const failed = first + (typeof error.records === 'number' ? error.records : 0);
      throw csvUserError(error, path, lines[failed] ?? lines.at(-1) ?? 1);
    }
    if (records.length !== Math.min(sliceRecords, offsets.length - first)) {
      // Cannot happen unless our record scan and csv-parse disagree; refuse rather than misnumber.
      throw new UserError('CSV_INVALID', { path, line: lines[first] ?? 1, reason: 'records do not line up' });
    }
    records.forEach((cells, j) => {
      const line = lines[first + j] ?? 0;
      if (isBlankRecord(cells)) return;
      if (columns === undefined) {
        columns = columnsOf(cells, path);
        width = cells.length;
        return;
      }
      if (cells.length !== width) {
        throw new UserError('CSV_FIELD_COUNT', { path, line, actual: cells.length, expected: width });
      }
      const input: Partial<Record<ResidentColumn, string>> = {};
      for (const [column, position] of columns) input[column] = cells[position] ?? '';
      onRow({ index, line, input: input satisfies ResidentInput });
      index += 1;
    });
  }
  if (columns === undefined) throw new UserError('CSV_EMPTY', { path, columns: REQUIRED_COLUMNS.join(',') });
}

/** All residents of a CSV at once (small files, tests). */
export function parseResidentsCsv(data: Uint8Array | string, path: string, sliceRecords?: number): ResidentRow[] {
  const rows: ResidentRow[] = [];
  forEachResidentCsvRow(data, path, (row) => rows.push(row), sliceRecords);
  return rows;
}

function csvUserError(error: CsvError, path: string, line: number): UserError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UserError('CSV_QUOTE_NOT_CLOSED', { path, line }, EXIT.usage, { cause: error });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return new UserError('CSV_QUOTE_INVALID', { path, line }, EXIT.usage, { cause: error });
    default:
      return new UserError('CSV_INVALID', { path, line, reason: error.message }, EXIT.usage, { cause: error });
  }
}
