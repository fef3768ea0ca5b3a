import { V7Generator } from 'uuidv7';

/**
 * Where record and batch ids come from. Product code uses {@link systemIds}; tests pass
 * {@link createSeededIds} so every id in a run is known in advance.
 */
export interface Ids {
  /** A fresh UUIDv7 (RFC 9562): time-ordered, made on the device. */
  next(): string;
}

/**
 * Random words for ids, drawn from the CSPRNG a few thousand at a time: one `getRandomValues`
 * call per id was a tenth of a 100,000-row import.
 */
function pooledRandomUint32(size = 4096): () => number {
  const pool = new Uint32Array(size);
  let next = size;
  return () => {
    if (next === size) {
      crypto.getRandomValues(pool);
      next = 0;
    }
    return pool[next++] ?? 0;
  };
}

const systemGenerator = new V7Generator({ nextUint32: pooledRandomUint32() });

export const systemIds: Ids = { next: () => systemGenerator.generate().toString() };

/**
 * Deterministic UUIDv7s for tests and fixtures: the timestamp comes from `clock`, the random bits
 * from `nextUint32`. Still valid v7 ids, still increasing.
 */
export function createSeededIds(clock: () => number, nextUint32: () => number): Ids {
  const generator = new V7Generator({ nextUint32 });
  return { next: () => generator.generateOrResetWithTs(clock()).toString() };
}
