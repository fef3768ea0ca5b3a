import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { AtomicFile } from '../seal/atomic-file.ts';
import { UserError } from '../program/user-error.ts';

/** The text of a PEM file, or undefined when it is not there. */
export function readPem(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError('HUB_CA_UNUSABLE', { path, reason: reasonOf(error) }, undefined, { cause: error });
  }
}

/** Written whole or not at all (temp file, fsync, rename), with its mode from the first byte. */
export async function writePem(path: string, text: string, mode: number): Promise<void> {
  try {
    const file = await AtomicFile.create(path, { mode });
    try {
      await file.write(new TextEncoder().encode(text));
      await file.commit();
    } finally {
      await file.discard();
    }
  } catch (error) {
    throw new UserError('HUB_CA_UNUSABLE', { path, reason: reasonOf(error) }, undefined, { cause: error });
  }
}

/** The CA folder, owner-only like the workspace around it. */
export function ensurePrivateDir(path: string): void {
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    chmodSync(path, 0o700);
  } catch (error) {
    throw new UserError('HUB_CA_UNUSABLE', { path, reason: reasonOf(error) }, undefined, { cause: error });
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
