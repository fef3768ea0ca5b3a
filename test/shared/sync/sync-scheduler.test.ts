import { describe, expect, it } from 'vitest';
import { nextRunDelay, SCHEDULE_BACKOFF, type RunOutcome } from '../../../shared/sync/next-run.ts';
import { createSyncScheduler, type SchedulerState, type Timers } from '../../../shared/sync/sync-scheduler.ts';

/** Lets every promise chain started so far run to its next real wait. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/** Timers the test moves by hand; `advance` fires what falls due, in order. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set(run, ms) {
      const handle = next++;
      due.set(handle, { at: now + ms, run });
      return handle;
    },
    clear(handle) {
      if (typeof handle === 'number') due.delete(handle);
    },
  };
  return {
    timers,
    pending: () => [...due.values()].map((timer) => timer.at - now).sort((a, b) => a - b),
    async advance(ms: number) {
      const until = now + ms;
      await flush();
      for (;;) {
        const [handle, first] = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
        if (handle === undefined || !first || first.at > until) break;
        due.delete(handle);
        now = first.at;
        first.run();
        await flush();
      }
      now = until;
    },
  };
}

/** A run that ends as scripted (the last outcome repeats) and counts its calls. */
function scriptedRun(...outcomes: RunOutcome[]) {
  const calls: number[] = [];
  return {
    calls,
    run: async (): Promise<RunOutcome> => {
      calls.push(calls.length + 1);
      return outcomes[Math.min(calls.length - 1, outcomes.length - 1)] ?? { status: 'complete' };
    },
  };
}

describe('the sync scheduler', () => {
  it('sends a save without a tap, gathering the saves of a moment into one run', async () => {
    const clock = manualTimers();
    const run = scriptedRun({ status: 'complete' });
    const scheduler = createSyncScheduler({ run: run.run, timers: clock.timers, random: () => 0.5 });
    scheduler.poke('save');
    scheduler.poke('save');
    scheduler.poke('save');
    expect(run.calls).toHaveLength(0);
    await clock.advance(500);
    await scheduler.settled();
    expect(run.calls).toHaveLength(1);
    // Complete: nothing waits, so nothing is scheduled.
    expect(clock.pending()).toEqual([]);
  });

  it('runs once more after a run that a save came in during, never two at once', async () => {
    const clock = manualTimers();
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => {};
    const runs: number[] = [];
    const scheduler = createSyncScheduler({
      timers: clock.timers,
      random: () => 0.5,
      run: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        runs.push(runs.length + 1);
        if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
        inFlight -= 1;
        return { status: 'complete' };
      },
    });
    scheduler.poke('start');
    await clock.advance(0);
    expect(runs).toEqual([1]);
    scheduler.poke('save');
    scheduler.poke('online');
    release();
    await clock.advance(0);
    await scheduler.settled();
    expect(runs).toEqual([1, 2]);
    expect(most).toBe(1);
  });

  it('tries again on its own while offline, waiting longer each time, up to the cap', async () => {
    const clock = manualTimers();
    const run = scriptedRun({ status: 'offline' });
    const states: SchedulerState[] = [];
    const scheduler = createSyncScheduler({ run: run.run, timers: clock.timers, random: () => 0.999, onChange: (state) => states.push(state) });
    scheduler.poke('start');
    const waits: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      await clock.advance(0);
      const [wait] = clock.pending();
      if (wait === undefined) throw new Error('no retry scheduled');
      waits.push(wait);
      await clock.advance(wait);
    }
    expect(run.calls.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] ?? 0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(SCHEDULE_BACKOFF.capMs);
    expect(waits.at(-1)).toBeGreaterThan(SCHEDULE_BACKOFF.capMs * 0.9);
    expect(states.at(-1)).toMatchObject({ running: false, failures: run.calls.length });
    scheduler.stop();
  });

  it('honours the server’s Retry-After', async () => {
    const clock = manualTimers();
    const run = scriptedRun({ status: 'server-unavailable', retryAfterMs: 120_000 });
    createSyncScheduler({ run: run.run, timers: clock.timers, random: () => 0 }).poke('start');
    await clock.advance(0);
    expect(clock.pending()).toEqual([120_000]);
  });

  it('starts over at once when the network comes back, the app is shown or the volunteer taps', async () => {
    const clock = manualTimers();
    const run = scriptedRun({ status: 'offline' }, { status: 'offline' }, { status: 'offline' }, { status: 'complete' });
    const scheduler = createSyncScheduler({ run: run.run, timers: clock.timers, random: () => 0.999 });
    scheduler.poke('start');
    await clock.advance(0);
    await clock.advance(clock.pending()[0] ?? 0);
    await clock.advance(clock.pending()[0] ?? 0);
    expect(run.calls).toHaveLength(3);
    const [longWait] = clock.pending();
    expect(longWait).toBeGreaterThan(1_000);
    scheduler.poke('online');
    await clock.advance(0);
    expect(run.calls).toHaveLength(4);
    expect(clock.pending()).toEqual([]);
  });

  it('waits for a person after an auth refusal, and for the next save after a complete run', async () => {
    const clock = manualTimers();
    const refused = scriptedRun({ status: 'auth-required' });
    createSyncScheduler({ run: refused.run, timers: clock.timers, random: () => 0.5 }).poke('start');
    await clock.advance(60 * 60_000);
    expect(refused.calls).toHaveLength(1);
    expect(clock.pending()).toEqual([]);
  });

  it('keeps going after a run that throws: it counts as failed and is retried', async () => {
    const clock = manualTimers();
    let calls = 0;
    const scheduler = createSyncScheduler({
      timers: clock.timers,
      random: () => 0.5,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('storage went away');
        return { status: 'complete' };
      },
    });
    scheduler.poke('start');
    await clock.advance(0);
    expect(clock.pending()).toHaveLength(1);
    await clock.advance(clock.pending()[0] ?? 0);
    expect(calls).toBe(2);
    expect(clock.pending()).toEqual([]);
  });

  it('does nothing more once stopped', async () => {
    const clock = manualTimers();
    const run = scriptedRun({ status: 'offline' });
    const scheduler = createSyncScheduler({ run: run.run, timers: clock.timers, random: () => 0.5 });
    scheduler.poke('start');
    await clock.advance(0);
    scheduler.stop();
    scheduler.poke('save');
    await clock.advance(60 * 60_000);
    expect(run.calls).toHaveLength(1);
    expect(clock.pending()).toEqual([]);
  });
});

describe('when to run again (nextRunDelay)', () => {
  it('never on its own after a complete, aborted or auth-refused run', () => {
    for (const status of ['complete', 'aborted', 'auth-required'] as const) expect(nextRunDelay({ status }, 3, () => 0.5)).toBeUndefined();
  });

  it('after a jittered, growing wait when records still wait, never before the Retry-After', () => {
    expect(nextRunDelay({ status: 'offline' }, 1, () => 0.999)).toBeLessThanOrEqual(SCHEDULE_BACKOFF.baseMs);
    expect(nextRunDelay({ status: 'offline' }, 4, () => 0.999)).toBeGreaterThan(SCHEDULE_BACKOFF.baseMs * 4);
    expect(nextRunDelay({ status: 'partial' }, 0, () => 0)).toBe(0);
    expect(nextRunDelay({ status: 'server-unavailable', retryAfterMs: 90_000 }, 1, () => 0)).toBe(90_000);
    expect(nextRunDelay({ status: 'failed' }, 40, () => 0.999)).toBeLessThanOrEqual(SCHEDULE_BACKOFF.capMs);
  });
});
