import { parse, type CsvError } from 'csv-parse/sync';
import type { ResidentInput } from '../../shared/validate/resident.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';
import { csvRecordLines } from './csv-record-lines.ts';
import { ALL_COLUMNS, REQUIRED_COLUMNS, type ResidentColumn, type ResidentRow } from './resident-row.ts';

const BY_LOWER_NAME: ReadonlyMap<string, ResidentColumn> = new Map(ALL_COLUMNS.map((c) => [c.toLowerCase(), c]));

function isCsvError(error: unknown): error is CsvError & { records?: unknown } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'lines' in error;
}

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

const isBlankRecord = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

/**
 * Residents from CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks; a
 * UTF-8 BOM is ignored; blank lines and a spreadsheet's rows of empty cells are skipped). The
 * first line is the header. A malformed file is refused whole, naming the line where the
 * record in trouble starts.
 */
export function parseResidentsCsv(text: string, path: string): ResidentRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true });
  } catch (error) {
    if (!isCsvError(error)) throw error;
    // `records` counts the records read before the one that failed.
    const failed = typeof error.records === 'number' ? error.records : 0;
    const starts = csvRecordLines(text);
    throw csvUserError(error, path, starts[failed] ?? starts.at(-1) ?? 1, headerLength(text));
  }
  const lines = csvRecordLines(text);
  const headerAt = records.findIndex((cells) => !isBlankRecord(cells));
  const header = records[headerAt];
  if (header === undefined) throw new UserError('CSV_EMPTY', { path, columns: REQUIRED_COLUMNS.join(',') });
  const columns = columnsOf(header, path);
  const rows: ResidentRow[] = [];
  for (let r = headerAt + 1; r < records.length; r += 1) {
    const cells = records[r] ?? [];
    if (isBlankRecord(cells)) continue;
    const input: Partial<Record<ResidentColumn, string>> = {};
    for (const [column, position] of columns) {
      const cell = cells[position];
      if (cell !== undefined) input[column] = cell;
    }
    rows.push({ index: rows.length, line: lines[r] ?? 0, input: input satisfies ResidentInput });
  }
  return rows;
}

/** How many cells the header has, for the message about a row with more or fewer. */
function headerLength(text: string): number | string {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, to: 1 })[0]?.length ?? '?';
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
