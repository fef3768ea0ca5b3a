import { createHash } from 'node:crypto';

/**
 * mulberry32: a small, fast PRNG whose whole state is one 32-bit number, so a seed replays a run
 * exactly. For fault injection and decisions, never for secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A number in [0, 1) fixed by its inputs: the same seed and record always draw the same. */
export function stableUnit(...parts: readonly (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
