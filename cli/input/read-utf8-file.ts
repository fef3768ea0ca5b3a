import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';

/**
 * A whole file's bytes, checked to be UTF-8 text, for the importers. A missing, unreadable or
 * binary file is a UserError (exit 2) naming it.
 */
export async function readUtf8File(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') throw new UserError('FILE_NOT_FOUND', { path }, EXIT.usage, { cause: error });
    if (code === 'EISDIR') throw new UserError('FILE_IS_DIRECTORY', { path }, EXIT.usage, { cause: error });
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    throw new UserError('FILE_UNREADABLE', { path, reason }, EXIT.usage, { cause: error });
  }
  // An .xlsx (a zip) or a UTF-16 export shows itself by NUL bytes or invalid UTF-8.
  if (bytes.includes(0) || !isUtf8(bytes)) throw new UserError('INPUT_NOT_TEXT', { path });
  return bytes;
}
