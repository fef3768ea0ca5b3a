import { createSyncEngine, type SyncEngine } from '../../shared/sync/engine.ts';
import { createHttpTransport } from '../../shared/sync/http-transport.ts';
import { systemIds } from '../../shared/sync/ids.ts';
import type { OutboxStore } from '../../shared/sync/outbox-store.ts';
import type { PullReport } from '../../shared/sync/pull-updates.ts';
import type { SyncReport } from '../../shared/sync/sync-report.ts';
import { refreshLeadKeys } from '../seal/device-keys.ts';
import type { LangsoDb } from '../store/db.ts';
import type { DeviceSettings } from '../store/settings-registry.ts';
import type { SyncTrigger } from '../../shared/sync/sync-scheduler.ts';
import { browserGzip } from './gzip.ts';

export interface SyncState {
  readonly running: boolean;
  /** Records answered so far in this run, out of those pending when it started. */
  readonly progress?: { readonly sent: number; readonly total: number };
  readonly report?: SyncReport;
  readonly pull?: PullReport;
  readonly finishedAt?: string;
}

/** One sync of the engine and the state the screens show of it. */
export interface SyncRunner {
  state(): SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
  /** Sends the outbox, then pulls the province's decisions. Never rejects. */
  run(): Promise<SyncState>;
}

/** The session's sync: the runner, driven by the scheduler (shared/sync/sync-scheduler.ts). */
export interface SyncController extends Pick<SyncRunner, 'state' | 'subscribe'> {
  /** Asks for a sync: after a save (gathered a moment), or now (start, network back, shown, a tap). */
  poke(trigger: SyncTrigger): void;
  /**
   * Syncs at once, then whenever the network comes back or the app is shown again, and after
   * every save; returns what stops it.
   */
  watch(world: SyncWorld): () => void;
}

/** Where the app hears that the network came back or that it is shown again. */
export interface SyncWorld {
  readonly events: EventTarget;
  readonly isVisible: () => boolean;
}

export interface SyncControllerOptions {
  readonly db: LangsoDb;
  /** The session's outbox over `db`: what the engine sends and the screens count. */
  readonly outbox: OutboxStore;
  readonly device: DeviceSettings;
  readonly fetch: typeof fetch;
  readonly clock: () => number;
}

/**
 * The sync engine of shared/sync over the Dexie outbox and fetch, with state the screens show.
 * The engine is the one writer of sync state (last sync, clock offset, cursors): this only runs it.
 */
export function createSyncRunner(options: SyncControllerOptions): SyncRunner {
  const listeners = new Set<(state: SyncState) => void>();
  let state: SyncState = { running: false };
  const set = (next: SyncState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  const engine = makeEngine(options, (sent) => {
    if (state.progress) set({ ...state, progress: { ...state.progress, sent } });
  });
  const store = options.outbox;

  async function run(): Promise<SyncState> {
    if (!engine) return state;
    if (state.running) return state;
    const total = (await store.counts()).pending;
    set({ ...state, running: true, progress: { sent: 0, total } });
    const report = await engine.sync();
    // Decisions are worth pulling even when nothing was sent, but not when the network is gone.
    const reachable = report.status !== 'offline' && report.status !== 'auth-required';
    const pull = reachable ? await engine.pullUpdates() : undefined;
    // The catalog carries the team lead's current keys (batch files); 304 when nothing changed.
    if (reachable) await engine.pullCatalog();
    const finishedAt = new Date(options.clock()).toISOString();
    set({ running: false, report, ...(pull ? { pull } : {}), finishedAt });
    return state;
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run,
  };
}

function makeEngine(options: SyncControllerOptions, onSent: (sent: number) => void): SyncEngine | undefined {
  const { device } = options;
  if (device.serverUrl === undefined || device.token === undefined) return undefined;
  const gzip = browserGzip();
  const fetchFn = options.fetch;
  const transport = createHttpTransport({
    baseUrl: device.serverUrl,
    token: device.token,
    fetch: (url, init) => fetchFn(url, init),
    ...(gzip ? { gzip } : {}),
    clock: options.clock,
  });
  return createSyncEngine({
    store: options.outbox,
    transport,
    deviceId: device.deviceId,
    clock: options.clock,
    random: Math.random,
    ids: systemIds,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
    onProgress: (event) => {
      if (event.kind === 'receipts') onSent(event.sent);
    },
    // Only the lead's keys are kept from the catalog: the app ships its own procedure catalog.
    applyCatalog: async (catalog) => {
      await refreshLeadKeys(options.db, catalog);
    },
  });
}
