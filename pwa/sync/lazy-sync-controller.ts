import type { SyncController, SyncControllerOptions, SyncState } from './sync-controller.ts';

/**
 * The sync controller without the sync engine in the entry script: the engine (and the protocol
 * schemas it validates with) loads on the first sync, from the precache.
 */
export function createLazySyncController(options: SyncControllerOptions): SyncController {
  const listeners = new Set<(state: SyncState) => void>();
  let state: SyncState = { running: false };
  let real: Promise<SyncController> | undefined;
  const load = () =>
    (real ??= import('./sync-controller.ts').then(({ createSyncController }) => {
      const controller = createSyncController(options);
      controller.subscribe((next) => {
        state = next;
        for (const listener of listeners) listener(state);
      });
      return controller;
    }));

  const run = async () => (await load()).run();
  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run,
    watchOnline(target) {
      const onOnline = () => void run();
      target.addEventListener('online', onOnline);
      return () => target.removeEventListener('online', onOnline);
    },
  };
}
