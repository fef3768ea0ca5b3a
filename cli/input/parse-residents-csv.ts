import { parse, type CsvError } from 'csv-parse/sync';
import type { ResidentInput } from '../../shared/validate/resident.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';
import { ALL_COLUMNS, REQUIRED_COLUMNS, type ResidentColumn, type ResidentRow } from './resident-row.ts';

const BY_LOWER_NAME: ReadonlyMap<string, ResidentColumn> = new Map(ALL_COLUMNS.map((c) => [c.toLowerCase(), c]));

function isCsvError(error: unknown): error is CsvError & { lines?: number; empty_lines?: number } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'lines' in error;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const HAS_LINE_BREAK = /[\r\n]/;

/** Line breaks inside quoted cells: the extra lines a record spans. */
function lineBreaksIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) if (HAS_LINE_BREAK.test(cell)) count += cell.match(LINE_BREAK)?.length ?? 0;
  return count;
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

/**
 * Residents from CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks; a
 * UTF-8 BOM is ignored; blank lines and rows of empty cells are skipped). The first line is the
 * header. A malformed file is refused whole with the line where the trouble starts.
 */
export function parseResidentsCsv(text: string, path: string): ResidentRow[] {
  const lines: number[] = [];
  // Line accounting of our own: csv-parse's `lines` counts a CRLF inside a quoted cell twice.
  let nextLine = 1;
  let emptySoFar = 0;
  let headerLength = 0;
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      on_record: (cells: string[], context) => {
        const start = nextLine + (context.empty_lines - emptySoFar);
        emptySoFar = context.empty_lines;
        nextLine = start + 1 + lineBreaksIn(cells);
        // A spreadsheet's trailing rows of empty cells (",,,,,,") are skipped here rather than by
        // the parser, so that line counting sees them.
        if (cells.every((cell) => cell.trim() === '')) return null;
        if (headerLength === 0) headerLength = cells.length;
        lines.push(start);
        return cells;
      },
    });
  } catch (error) {
    if (!isCsvError(error)) throw error;
    const line = nextLine + Math.max(0, (error.empty_lines ?? emptySoFar) - emptySoFar);
    throw csvUserError(error, path, line, headerLength);
  }
  const header = records[0];
  if (header === undefined) throw new UserError('CSV_EMPTY', { path, columns: REQUIRED_COLUMNS.join(',') });
  const columns = columnsOf(header, path);
  const rows: ResidentRow[] = [];
  for (let r = 1; r < records.length; r += 1) {
    const cells = records[r] ?? [];
    const input: Partial<Record<ResidentColumn, string>> = {};
    for (const [column, position] of columns) {
      const cell = cells[position];
      if (cell !== undefined) input[column] = cell;
    }
    rows.push({ index: r - 1, line: lines[r] ?? 0, input: input satisfies ResidentInput });
  }
  return rows;
}

function csvUserError(error: CsvError, path: string, line: number, expected: number): UserError {
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
