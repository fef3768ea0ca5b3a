import type { BackoffPolicy } from './backoff.ts';
import { nextRunDelay, SCHEDULE_BACKOFF, type RunOutcome } from './next-run.ts';

/** What asked for a sync. */
export type SyncTrigger = 'start' | 'save' | 'online' | 'visible' | 'manual';

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncSchedulerOptions {
  /** One sync: the outbox up, then the province's decisions down. Never rejects. */
  readonly run: () => Promise<RunOutcome>;
  readonly timers: Timers;
  /** Uniform in [0, 1): the jitter of the retries. */
  readonly random: () => number;
  readonly backoff?: BackoffPolicy;
  /** Saves arriving this close together go in one run (a household and its members). Default 500 ms. */
  readonly saveDebounceMs?: number;
  /** Told when a run starts and when it ends, and when the next one on its own is due. */
  readonly onChange?: (state: SchedulerState) => void;
}

export interface SchedulerState {
  readonly running: boolean;
  /** How long until the next run on its own, when one is due. */
  readonly retryInMs?: number;
  /** Runs in a row that ended without the server answering. */
  readonly failures: number;
}

export interface SyncScheduler {
  /** Asks for a run: now, or after the save debounce; a run already going is followed by one more. */
  poke(trigger: SyncTrigger): void;
  /** Resolves when no run is going and none is asked for (a retry later on its own may be due). */
  settled(): Promise<void>;
  stop(): void;
}

/** Statuses after which the server did not answer: the retries back off further each time. */
const UNANSWERED = new Set<RunOutcome['status']>(['offline', 'server-unavailable', 'failed']);

/**
 * The loop that sends what is saved without anyone tapping "sync": poked after every save, at
 * start, when the network comes back and when the app is shown; one run at a time; after a run
 * that left work, it runs again on its own after a growing, jittered wait that honours the
 * server's Retry-After. A trigger from the world (online, shown, a tap) starts over at once,
 * whatever the wait. The runs themselves are the engine's: it is the one writer of sync state.
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const debounceMs = options.saveDebounceMs ?? 500;
  let running = false;
  let again = false;
  let timer: unknown;
  /** The timer is a retry on its own, not a run someone asked for. */
  let timerIsRetry = false;
  let failures = 0;
  let stopped = false;
  const waiters: (() => void)[] = [];

  const tell = (retryInMs?: number) => options.onChange?.({ running, failures, ...(retryInMs === undefined ? {} : { retryInMs }) });

  const cancelTimer = () => {
    if (timer !== undefined) options.timers.clear(timer);
    timer = undefined;
  };

  const schedule = (ms: number, retry: boolean) => {
    cancelTimer();
    timerIsRetry = retry;
    timer = options.timers.set(() => {
      timer = undefined;
      start();
    }, ms);
  };

  const isSettled = () => !running && (timer === undefined || timerIsRetry);
  const wakeWaiters = () => {
    if (!isSettled()) return;
    for (const wake of waiters.splice(0)) wake();
  };

  function start(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    cancelTimer();
    running = true;
    tell();
    void (async () => {
      const outcome = await options.run().catch((): RunOutcome => ({ status: 'failed' }));
      failures = UNANSWERED.has(outcome.status) ? failures + 1 : 0;
      running = false;
      if (stopped) return;
      if (again) {
        again = false;
        schedule(0, false);
        tell();
        return;
      }
      const delay = nextRunDelay(outcome, failures, options.random, options.backoff ?? SCHEDULE_BACKOFF);
      if (delay !== undefined) schedule(delay, true);
      tell(delay);
    })().finally(wakeWaiters);
  }

  return {
    poke(trigger) {
      if (stopped) return;
      // The world changed (signal back, app shown, a tap): whatever the wait, try now.
      if (trigger !== 'save') failures = 0;
      if (running) {
        again = true;
        return;
      }
      schedule(trigger === 'save' ? debounceMs : 0, false);
    },
    settled() {
      if (isSettled()) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    stop() {
      stopped = true;
      cancelTimer();
      again = false;
      wakeWaiters();
    },
  };
}
