import { extname } from 'node:path';
import { forEachResidentCsvRow } from './parse-residents-csv.ts';
import { parseResidentsJson } from './parse-residents-json.ts';
import { readUtf8File } from './read-utf8-file.ts';
import type { ResidentFile, ResidentRow } from './resident-row.ts';

const OPEN_BRACKET = 0x5b;

/** JSON when the file is named .json or its first non-blank character (after a BOM) is `[`. */
function looksLikeJson(path: string, bytes: Uint8Array): boolean {
  if (extname(path).toLowerCase() === '.json') return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  return bytes[i] === OPEN_BRACKET;
}

/**
 * Hands each resident of a CSV or JSON file to `onRow`, in order, without keeping them: what
 * `langso check` and imports of big files use. Throws a UserError (exit 2) naming the file and
 * line when it cannot be read or parsed.
 */
export async function forEachResidentRow(path: string, onRow: (row: ResidentRow) => void): Promise<ResidentFile['format']> {
  const bytes = await readUtf8File(path);
  if (looksLikeJson(path, bytes)) {
    for (const row of parseResidentsJson(bytes.toString('utf8'), path)) onRow(row);
    return 'json';
  }
  forEachResidentCsvRow(bytes, path, onRow);
  return 'csv';
}

/** Every resident of a CSV or JSON file at once. */
export async function readResidentFile(path: string): Promise<ResidentFile> {
  const rows: ResidentRow[] = [];
  const format = await forEachResidentRow(path, (row) => rows.push(row));
  return { format, rows };
}
