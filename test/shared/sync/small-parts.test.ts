import { describe, expect, it } from 'vitest';
import { isClockSkewed, measureClockOffset } from '../../../shared/sync/clock-skew.ts';
import { effectiveLimits } from '../../../shared/sync/engine-options.ts';
import { systemIds } from '../../../shared/sync/ids.ts';
import { takeWithinLimits } from '../../../shared/sync/next-chunk.ts';
import { UuidV7Schema } from '../../../shared/domain/records.ts';
import * as v from 'valibot';
import { singleFlight } from '../../../shared/sync/single-flight.ts';
import { sleep } from '../../../shared/sync/sleep.ts';
import { makeEntries, testIds } from './helpers/entries.ts';

describe('ids', () => {
  it('makes valid UUIDv7s, increasing', () => {
    const made = [systemIds.next(), systemIds.next(), systemIds.next()];
    for (const id of made) expect(v.is(UuidV7Schema, id)).toBe(true);
    expect([...made].sort()).toEqual(made);
  });

  it('makes the same ids again from the same seed', () => {
    const a = testIds(4);
    const b = testIds(4);
    const first = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(first);
    expect(v.is(UuidV7Schema, first[0])).toBe(true);
    expect(testIds(5).next()).not.toBe(first[0]);
  });
});

describe('chunk limits', () => {
  it('takes the longest prefix within both bounds, and one oversized entry alone', async () => {
    const entries = await makeEntries(5);
    const size = entries[0]?.bytes ?? 0;
    expect(takeWithinLimits(entries, { maxRecords: 3, maxBytes: 1e9 })).toHaveLength(3);
    expect(takeWithinLimits(entries, { maxRecords: 10, maxBytes: size * 2 })).toHaveLength(2);
    expect(takeWithinLimits(entries, { maxRecords: 10, maxBytes: 1 })).toHaveLength(1);
    expect(takeWithinLimits([], { maxRecords: 10, maxBytes: 1 })).toEqual([]);
  });

  it('keeps asked limits within the protocol’s ceilings', () => {
    expect(effectiveLimits(undefined)).toEqual({ maxRecords: 250, maxBytes: 1024 * 1024 });
    expect(effectiveLimits({ maxRecords: 5_000, maxBytes: 1e12 })).toEqual({ maxRecords: 500, maxBytes: 10 * 1024 * 1024 });
    expect(effectiveLimits({ maxRecords: 0, maxBytes: Number.NaN })).toEqual({ maxRecords: 1, maxBytes: 1024 * 1024 });
  });
});

describe('clock offset', () => {
  it('reads the server time as taken at the middle of the round trip', () => {
    expect(measureClockOffset(1_000, 3_000, 62_000)).toBe(60_000);
  });

  it('flags only offsets over five minutes, either way', () => {
    expect(isClockSkewed(5 * 60_000)).toBe(false);
    expect(isClockSkewed(5 * 60_000 + 1)).toBe(true);
    expect(isClockSkewed(-6 * 60_000)).toBe(true);
  });
});

describe('single flight', () => {
  it('joins a call made while one runs, and starts afresh after it ended', async () => {
    let runs = 0;
    const run = singleFlight(async () => ++runs);
    const [a, b] = [run(), run()];
    expect(a).toBe(b);
    expect(await a).toBe(1);
    expect(await run()).toBe(2);
  });

  it('starts afresh after a run that rejected', async () => {
    let runs = 0;
    const run = singleFlight(async () => {
      runs += 1;
      if (runs === 1) throw new Error('first fails');
      return runs;
    });
    await expect(run()).rejects.toThrow('first fails');
    expect(await run()).toBe(2);
  });
});


describe('sleep', () => {
  it('returns at once when the signal has already fired', async () => {
    await sleep(3_600_000, AbortSignal.abort());
  });

  it('returns when the signal fires during the wait', async () => {
    const controller = new AbortController();
    const waiting = sleep(3_600_000, controller.signal);
    controller.abort();
    await waiting;
  });

  it('returns after the wait without a signal', async () => {
    await sleep(1);
  });
});
