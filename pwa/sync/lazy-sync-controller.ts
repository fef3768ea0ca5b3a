import type { RunOutcome } from '../../shared/sync/next-run.ts';
import { createSyncScheduler } from '../../shared/sync/sync-scheduler.ts';
import type { SyncController, SyncControllerOptions, SyncRunner, SyncState } from './sync-controller.ts';

/**
 * The session's sync: the scheduler decides when, the runner (loaded on the first run, from the
 * precache, so the engine and its protocol schemas stay out of the first screens) does it.
 */
export function createLazySyncController(options: SyncControllerOptions): SyncController {
  const listeners = new Set<(state: SyncState) => void>();
  let state: SyncState = { running: false };
  let runner: Promise<SyncRunner> | undefined;
  const load = () =>
    (runner ??= import('./sync-controller.ts').then(({ createSyncRunner }) => {
      const real = createSyncRunner(options);
      real.subscribe((next) => {
        state = next;
        for (const listener of listeners) listener(state);
      });
      return real;
    }));

  const scheduler = createSyncScheduler({
    run: async () => outcomeOf(await (await load()).run()),
    timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
    random: Math.random,
  });

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    poke: (trigger) => scheduler.poke(trigger),
    watch({ events, isVisible }) {
      const online = () => scheduler.poke('online');
      const shown = () => {
        if (isVisible()) scheduler.poke('visible');
      };
      events.addEventListener('online', online);
      events.addEventListener('visibilitychange', shown);
      // At start: what was saved before a reload or a crash leaves, and the decisions come in.
      scheduler.poke('start');
      return () => {
        events.removeEventListener('online', online);
        events.removeEventListener('visibilitychange', shown);
        scheduler.stop();
      };
    },
  };
}

/** A device with nothing to sync to (training mode) has nothing left to do either. */
function outcomeOf(state: SyncState): RunOutcome {
  const report = state.report;
  if (!report) return { status: 'complete' };
  return report.retryAfterMs === undefined ? { status: report.status } : { status: report.status, retryAfterMs: report.retryAfterMs };
}
