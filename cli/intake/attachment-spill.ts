import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from '../seal/atomic-file.ts';

const SPILL_PARENT = 'tmp';
const SPILL_PREFIX = 'sealed-';
/** A folder this old is what a crashed import left: photos of ID cards must not linger. */
const STALE_MS = 24 * 60 * 60 * 1000;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Where a sealed import parks attachment bytes between reading the file (async) and storing them
 * (one synchronous SQLite transaction, which cannot span an await): owner-only files named by
 * their SHA-256 in `<workspace>/tmp/`, so memory holds one photo at a time however large the
 * batch. `dispose` removes the folder; a crash leaves it for the next import to sweep.
 */
export class AttachmentSpill {
  private readonly hashes: string[] = [];

  private constructor(private readonly dir: string) {}

  static async create(workspaceDir: string, now: number): Promise<AttachmentSpill> {
    const parent = join(workspaceDir, SPILL_PARENT);
    await mkdir(parent, { recursive: true, mode: 0o700 });
    await sweepStale(parent, now);
    const dir = join(parent, `${SPILL_PREFIX}${randomUUID()}`);
    await mkdir(dir, { mode: 0o700 });
    return new AttachmentSpill(dir);
  }

  /** Keeps one attachment; the same bytes twice are kept once. */
  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    if (!SHA256_HEX.test(sha256)) throw new Error(`attachment name is not a SHA-256: ${sha256.slice(0, 16)}`);
    try {
      await writeFile(join(this.dir, sha256), bytes, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (isErrno(error, 'EEXIST')) return;
      throw error;
    }
    this.hashes.push(sha256);
  }

  get count(): number {
    return this.hashes.length;
  }

  /** Each kept attachment in turn, read synchronously (inside a transaction), one at a time. */
  *entries(): Generator<{ readonly sha256: string; readonly bytes: Uint8Array }> {
    for (const sha256 of this.hashes) yield { sha256, bytes: readFileSync(join(this.dir, sha256)) };
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function sweepStale(parent: string, now: number): Promise<void> {
  for (const name of await readdir(parent)) {
    if (!name.startsWith(SPILL_PREFIX)) continue;
    const path = join(parent, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
}
