import { V7Generator, uuidv7 } from 'uuidv7';

/**
 * Where record and batch ids come from. Product code uses {@link systemIds}; tests pass
 * {@link createSeededIds} so every id in a run is known in advance.
 */
export interface Ids {
  /** A fresh UUIDv7 (RFC 9562): time-ordered, made on the device. */
  next(): string;
}

export const systemIds: Ids = { next: uuidv7 };

/**
 * Deterministic UUIDv7s for tests and fixtures: the timestamp comes from `clock`, the random bits
 * from `nextUint32`. Still valid v7 ids, still increasing.
 */
export function createSeededIds(clock: () => number, nextUint32: () => number): Ids {
  const generator = new V7Generator({ nextUint32 });
  return { next: () => generator.generateOrResetWithTs(clock()).toString() };
}
