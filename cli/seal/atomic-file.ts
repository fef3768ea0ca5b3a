import { randomUUID } from 'node:crypto';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A file that appears whole or not at all: bytes go to a temp file beside the target, which is
 * flushed to disk and only then renamed into place (or hard-linked, when an existing file must not
 * be replaced). An interrupted run leaves at worst a stray `.tmp`, never half a file.
 */
export class AtomicFile {
  private done = false;

  private constructor(
    readonly path: string,
    private readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** `mode` applies from the first byte: a sealed batch or a key file is never world-readable. */
  static async create(path: string, options: { readonly mode?: number } = {}): Promise<AtomicFile> {
    const tempPath = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
    const handle = await open(tempPath, 'wx', options.mode ?? 0o600);
    return new AtomicFile(path, tempPath, handle);
  }

  async write(bytes: Uint8Array): Promise<void> {
    let at = 0;
    while (at < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, at, bytes.length - at);
      at += bytesWritten;
    }
  }

  /**
   * Flushes and moves the file into place. With `overwrite: false`, answers false (and discards
   * the temp file) when the target already exists.
   */
  async commit(options: { readonly overwrite?: boolean } = {}): Promise<boolean> {
    this.done = true;
    await this.handle.sync();
    await this.handle.close();
    try {
      if (options.overwrite ?? true) {
        await rename(this.tempPath, this.path);
      } else {
        await link(this.tempPath, this.path);
        await unlink(this.tempPath);
      }
    } catch (error) {
      await unlink(this.tempPath).catch(() => undefined);
      if (isErrno(error, 'EEXIST')) return false;
      throw error;
    }
    await syncDirectory(dirname(this.path));
    return true;
  }

  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }
}

/** Makes the rename itself durable; some filesystems cannot open a directory, which is fine. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
