import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from '../../../shared/sync/backoff.ts';

const POLICY = { baseMs: 500, capMs: 30_000 };

describe('backoff with full jitter', () => {
  it('doubles the ceiling with each failure', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, top, POLICY))).toEqual([499, 999, 1999, 3999]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(60, () => 0.999999, POLICY)).toBeLessThan(30_000);
  });

  it('spreads waits uniformly below the ceiling (the random source decides)', () => {
    expect(backoffDelay(3, () => 0, POLICY)).toBe(0);
    expect(backoffDelay(3, () => 0.5, POLICY)).toBe(1000);
  });

  it('survives a random source outside [0, 1)', () => {
    expect(backoffDelay(1, () => 7, POLICY)).toBeLessThan(500);
    expect(backoffDelay(1, () => Number.NaN, POLICY)).toBe(0);
  });

  it('never waits less than the server’s Retry-After', () => {
    expect(retryDelay(1, () => 0.5, 10_000, POLICY)).toBe(10_000);
    expect(retryDelay(5, () => 0.9, 10, POLICY)).toBe(7200);
  });
});
