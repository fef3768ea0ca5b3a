import { createHash } from 'node:crypto';

/** A number in [0, 1) fixed by its inputs: the same seed and record always draw the same. */
export function stableUnit(...parts: readonly (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
