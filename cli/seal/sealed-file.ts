import { ok } from '../../shared/domain/result.ts';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { SealResult } from '../../shared/seal/errors.ts';
import { DEFAULT_CHUNK_SIZE } from '../../shared/seal/format.ts';
import { seal, type SealInputCode, type SealOptions, type SealedSummary } from '../../shared/seal/seal.ts';
import {
  verifySealed,
  type BatchSink,
  type BatchSummary,
  type VerifiedBatch,
  type VerifyOptions,
} from '../../shared/seal/unseal.ts';
import { AtomicFile, isErrno } from './atomic-file.ts';
import type { FileFailure } from './file-failure.ts';

/**
 * Seals to `path` through a temp file (owner-only permissions) renamed into place only when the
 * whole file is written: a refused input or a crash leaves no `.langso` behind.
 */
export async function sealToFile(
  path: string,
  options: Omit<SealOptions, 'write'>,
): Promise<SealResult<SealedSummary & { readonly path: string }, SealInputCode>> {
  const file = await AtomicFile.create(path);
  try {
    const sealed = await seal({ ...options, write: (bytes) => file.write(bytes) });
    if (!sealed.ok) {
      await file.discard();
      return sealed;
    }
    await file.commit();
    return ok({ ...sealed.value, path });
  } catch (error) {
    await file.discard();
    throw error;
  }
}

/** A read error of the file itself, told apart from errors of the caller's sink. */
class FileReadError extends Error {
  override readonly name = 'FileReadError';
}

async function* readFile(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: DEFAULT_CHUNK_SIZE });
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) yield piece;
  } catch (error) {
    throw new FileReadError(error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    stream.destroy();
  }
}

function unreadable(path: string, error: FileReadError): FileFailure {
  return { ok: false, code: 'FILE_UNREADABLE', params: { path, reason: error.message } };
}

export interface OpenedSealedFile {
  readonly summary: BatchSummary;
  /** Pass 2: hands out records and attachments; write them in one transaction (see unseal.ts). */
  deliver(sink: BatchSink): Promise<Awaited<ReturnType<VerifiedBatch['deliver']>> | FileFailure>;
}

/**
 * Verifies a `.langso` file on disk, streaming it (1 MiB reads): pass 1 now, pass 2 when the
 * caller calls `deliver`. Nothing of the file reaches the caller before it is wholly verified.
 */
export async function openSealedFile(
  path: string,
  options: Omit<VerifyOptions, 'source'>,
): Promise<SealResult<{ readonly file: OpenedSealedFile }> | FileFailure> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, code: 'FILE_UNREADABLE', params: { path, reason: 'not a file' } };
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { ok: false, code: 'FILE_NOT_FOUND', params: { path } };
    return { ok: false, code: 'FILE_UNREADABLE', params: { path, reason: String(error) } };
  }
  let verified: Awaited<ReturnType<typeof verifySealed>>;
  try {
    verified = await verifySealed({ ...options, source: () => readFile(path) });
  } catch (error) {
    if (error instanceof FileReadError) return unreadable(path, error);
    throw error;
  }
  if (!verified.ok) return verified;
  const { batch } = verified.value;
  const file: OpenedSealedFile = {
    summary: batch.summary,
    async deliver(sink) {
      try {
        return await batch.deliver(sink);
      } catch (error) {
        if (error instanceof FileReadError) return unreadable(path, error);
        throw error;
      }
    },
  };
  return ok({ file });
}
