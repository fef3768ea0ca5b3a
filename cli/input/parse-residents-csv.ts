import { parse, type CsvError } from 'csv-parse/sync';
import type { ResidentInput } from '../../shared/validate/resident.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';
import { csvRecordLines } from './csv-record-lines.ts';
import { ALL_COLUMNS, REQUIRED_COLUMNS, type ResidentColumn, type ResidentRow } from './resident-row.ts';

const BY_LOWER_NAME: ReadonlyMap<string, ResidentColumn> = new Map(ALL_COLUMNS.map((c) => [c.toLowerCase(), c]));
const encoder = new TextEncoder();

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
 * skipped) to `onRow` as it is parsed, keeping nothing: a 100,000-row file never sits in memory
 * as records. The first line is the header. A malformed file is refused (UserError, exit 2)
 * naming the line where the record in trouble starts; rows before it have been handed over.
 */
export function forEachResidentCsvRow(data: Uint8Array | string, path: string, onRow: (row: ResidentRow) => void): void {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const lines = csvRecordLines(bytes);
  let physical = -1;
  let columns: readonly (readonly [ResidentColumn, number])[] | undefined;
  let index = 0;
  try {
    parse(bytes, {
      bom: true,
      skip_empty_lines: true,
      on_record: (cells: string[]) => {
        physical += 1;
        if (isBlankRecord(cells)) return null;
        if (columns === undefined) {
          columns = columnsOf(cells, path);
          return null;
        }
        const input: Partial<Record<ResidentColumn, string>> = {};
        for (const [column, position] of columns) {
          const cell = cells[position];
          if (cell !== undefined) input[column] = cell;
        }
        onRow({ index, line: lines[physical] ?? 0, input: input satisfies ResidentInput });
        index += 1;
        return null;
      },
    });
  } catch (error) {
    if (!isCsvError(error)) throw error;
    // `records` counts the records read before the one that failed.
    const failed = typeof error.records === 'number' ? error.records : 0;
    throw csvUserError(error, path, lines[failed] ?? lines.at(-1) ?? 1, headerLength(bytes));
  }
  if (columns === undefined) throw new UserError('CSV_EMPTY', { path, columns: REQUIRED_COLUMNS.join(',') });
}

/** All residents of a CSV at once (small files, tests). */
export function parseResidentsCsv(data: Uint8Array | string, path: string): ResidentRow[] {
  const rows: ResidentRow[] = [];
  forEachResidentCsvRow(data, path, (row) => rows.push(row));
  return rows;
}

/** How many cells the header has, for the message about a row with more or fewer. */
function headerLength(bytes: Uint8Array): number | string {
  try {
    return parse(bytes, { bom: true, skip_empty_lines: true, to: 1 })[0]?.length ?? '?';
  } catch {
    return '?';
  }
}

function csvUserError(error: CsvError, path: string, line: number, expected: number | string): UserError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UserError('CSV_QUOTE_NOT_CLOSED', { path, line }, EXIT.usage, { cause: error });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return new UserError('CSV_QUOTE_INVALID', { path, line }, EXIT.usage, { cause: error });
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const record = (error as { record?: unknown }).record;
      const actual = Array.isArray(record) ? record.length : '?';
      return new UserError('CSV_FIELD_COUNT', { path, line, actual, expected }, EXIT.usage, { cause: error });
    }
    default:
      return new UserError('CSV_INVALID', { path, line, reason: error.message }, EXIT.usage, { cause: error });
  }
}
