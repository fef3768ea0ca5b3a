import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from '../../../shared/sync/retry-after.ts';

const NOW = Date.UTC(2026, 2, 1, 8, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date as the time left from `now`', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 08:00:30 GMT', NOW)).toBe(30_000);
  });

  it('gives 0 for a date already past', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 07:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent, negative, fractional and garbled values', () => {
    for (const value of [null, undefined, '', '-5', '1.5', 'soon', 'Sun, 01 Mar 2026 08:00:30 PST']) {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    }
  });

  it('refuses a date that does not exist instead of rolling it over', () => {
    expect(parseHttpDate('Mon, 30 Feb 2026 08:00:00 GMT')).toBeUndefined();
    expect(parseHttpDate('Sun, 01 Mar 2026 08:00:00 GMT')).toBe(NOW);
  });
});
