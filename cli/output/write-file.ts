import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';

/**
 * Writes a report or export owner-only (it holds personal data) and atomically: a temp file
 * beside the target, then a rename, so a reader never sees half a file.
 */
export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content, { mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new UserError('LEAD_FILE_UNWRITABLE', { path, reason: code ?? String(error) }, EXIT.usage, { cause: error });
  }
}
