import type { ResidentInput } from '../../shared/validate/resident.ts';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';
import { ALL_COLUMNS, type ResidentColumn, type ResidentRow } from './resident-row.ts';

/** The line of a JSON.parse error, from "(line 3 column 5)" (newer V8) or "at position 42". */
function errorLine(message: string, text: string): number {
  const lineCol = /line (\d+) column/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const position = /position (\d+)/.exec(message);
  const end = position ? Number(position[1]) : text.length;
  let line = 1;
  for (let i = 0; i < end && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * Residents from a JSON array of objects with the CSV's column names. Numbers are taken as
 * text (a commune code typed as 32002); null means absent; anything else is refused with the
 * record it is in.
 */
export function parseResidentsJson(text: string, path: string): ResidentRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '');
    throw new UserError('JSON_INVALID', { path, line: errorLine(message, text), reason }, EXIT.usage, { cause: error });
  }
  if (!Array.isArray(data)) throw new UserError('JSON_NOT_ARRAY', { path });
  return data.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new UserError('JSON_RECORD_NOT_OBJECT', { path, record: index + 1 });
    }
    const input: Partial<Record<ResidentColumn, string>> = {};
    for (const column of ALL_COLUMNS) {
      const value: unknown = (item as Record<string, unknown>)[column];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string') input[column] = value;
      else if (typeof value === 'number' && Number.isFinite(value)) input[column] = String(value);
      else throw new UserError('JSON_FIELD_TYPE', { path, record: index + 1, field: column });
    }
    return { index, input: input satisfies ResidentInput };
  });
}
