import { readFile } from 'node:fs/promises';
import { failure, ok, type Failure, type Result } from '../../shared/domain/result.ts';
import { AtomicFile, isErrno } from './atomic-file.ts';
import type { FileFailure } from './file-failure.ts';

/** Small JSON files of the seal kit (key files, receipt files): atomic, owner-only, 2-space JSON. */
export async function writeJsonFile(path: string, value: unknown, options: { readonly overwrite?: boolean } = {}): Promise<boolean> {
  const file = await AtomicFile.create(path, { mode: 0o600 });
  try {
    await file.write(new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
    return await file.commit(options);
  } catch (error) {
    await file.discard();
    throw error;
  }
}

export async function readJsonFile(
  path: string,
): Promise<Result<unknown, FileFailure | Failure<'FILE_INVALID_JSON'>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { ok: false, code: 'FILE_NOT_FOUND', params: { path } };
    return { ok: false, code: 'FILE_UNREADABLE', params: { path, reason: String(error) } };
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return failure('FILE_INVALID_JSON', { path });
  }
}
