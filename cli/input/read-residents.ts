import { extname } from 'node:path';
import { parseResidentsCsv } from './parse-residents-csv.ts';
import { parseResidentsJson } from './parse-residents-json.ts';
import { readTextFile } from './read-text-file.ts';
import type { ResidentFile } from './resident-row.ts';

/**
 * Reads a residents file: JSON when it is named .json or its text starts with `[`, CSV
 * otherwise. Throws a UserError (exit 2) naming the file and line when it cannot be read.
 */
export async function readResidentFile(path: string): Promise<ResidentFile> {
  const text = await readTextFile(path);
  const isJson = extname(path).toLowerCase() === '.json' || /^\uFEFF?\s*\[/.test(text.slice(0, 64));
  return isJson
    ? { format: 'json', rows: parseResidentsJson(text, path) }
    : { format: 'csv', rows: parseResidentsCsv(text, path) };
}
