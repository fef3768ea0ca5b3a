import { readFile } from 'node:fs/promises';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A whole file as text, for the importers: UTF-8 only (a BOM from Excel is dropped), and a
 * clear UserError (exit 2) for a missing, unreadable or binary file.
 */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') throw new UserError('FILE_NOT_FOUND', { path }, EXIT.usage, { cause: error });
    const reason = code === 'EISDIR' ? 'is a directory' : code ?? (error instanceof Error ? error.message : String(error));
    throw new UserError('FILE_UNREADABLE', { path, reason }, EXIT.usage, { cause: error });
  }
  // An .xlsx (a zip) or a UTF-16 export shows itself by NUL bytes or invalid UTF-8.
  if (bytes.includes(0)) throw new UserError('INPUT_NOT_TEXT', { path });
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new UserError('INPUT_NOT_TEXT', { path }, EXIT.usage, { cause: error });
  }
}
