import { randomBytes } from 'node:crypto';

/** Wall-clock time in ms since the epoch; injected so tests and the decider can move time. */
export interface Clock {
  now(): number;
}

/** Unpredictable bytes for tokens, team codes and ids; injected so tests can be repeatable. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

export const systemClock: Clock = { now: () => Date.now() };

export const cryptoRandom: RandomSource = { bytes: (length) => new Uint8Array(randomBytes(length)) };

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
