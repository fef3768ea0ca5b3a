/**
 * mulberry32: a small, fast PRNG whose whole state is one 32-bit number, so a seed replays a run
 * exactly: the same fixtures on every machine, the same faults and decisions in every test run.
 * For synthetic data and fault injection only, never for secrets or ids (those use the CSPRNG).
 * Returns floats in [0, 1).
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
