import type { DbMode, LangsoDb } from '../store/db.ts';
import { DexieOutboxStore } from '../store/dexie-outbox-store.ts';
import { askPersistenceOnce, type StorageManagerLike } from '../store/persistence.ts';
import { createQueries } from '../store/queries.ts';
import { deleteSetting, SETTINGS, SETUP_SETTINGS, type DeviceSettings } from '../store/settings-registry.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { createLazySyncController } from '../sync/lazy-sync-controller.ts';
import type { DirtyFlag } from './dirty-flag.ts';
import type { Session } from './session.ts';

/** Where the build puts the trainers' demo households (pwa/training/demo-households.ts). */
const DEMO_DATA_PATH = 'training/households.json';

export interface AppEnv {
  readonly fetch: typeof fetch;
  readonly storage: StorageManagerLike | undefined;
  readonly clock: () => Date;
  /** Where the app keeps its two UI preferences (language, mode) outside the databases. */
  readonly prefs: Pick<Storage, 'getItem' | 'setItem'>;
  /** Where the network coming back (`online`) and the app shown again (`visibilitychange`) are heard. */
  readonly events: EventTarget;
  readonly isVisible: () => boolean;
  /** What the browser says of the network (`navigator.onLine`): false is sure, true only hopeful. */
  readonly isOnline: () => boolean;
  /** Loads the app afresh (the service worker serves it offline too). */
  readonly reload: () => void;
}

export interface SessionParts {
  readonly env: AppEnv;
  readonly db: LangsoDb;
  readonly mode: DbMode;
  readonly device: DeviceSettings;
  readonly dirty: DirtyFlag;
  readonly setMode: (mode: DbMode) => void;
}

export function createSession({ env, db, mode, device, dirty, setMode }: SessionParts): Session {
  let index: Promise<SearchIndex> | undefined;
  let clockOffsetMs: number | undefined;
  // The index code and its data load on first use, outside the entry script.
  const searchIndex = () => (index ??= import('../search/search-index.ts').then(({ loadSearchIndex }) => loadSearchIndex(db.searchKeys)));
  const outbox = new DexieOutboxStore(db);
  const sync = createLazySyncController({ db, device, outbox, fetch: env.fetch, clock: () => env.clock().getTime() });
  void outbox.getState('clockOffsetMs').then((stored) => {
    const value = Number(stored);
    if (stored !== undefined && Number.isFinite(value)) clockOffsetMs = value;
  });
  // Photos stored before schema v4 get encrypted in the background; readers take either form,
  // and an interrupted run (the app closed) goes on in the next session.
  void import('../store/attachment-migration.ts')
    .then(({ encryptPlainAttachments }) => encryptPlainAttachments(db))
    .catch(() => undefined);
  const session: Session = {
    network: {
      online: env.isOnline,
      subscribe(listener) {
        const tell = () => listener(env.isOnline());
        env.events.addEventListener('online', tell);
        env.events.addEventListener('offline', tell);
        return () => {
          env.events.removeEventListener('online', tell);
          env.events.removeEventListener('offline', tell);
        };
      },
    },
    db,
    queries: createQueries(db, outbox),
    outbox,
    mode,
    device,
    dirty,
    sync,
    storage: env.storage,
    clock: env.clock,
    searchIndex,
    author: () => ({
      deviceId: device.deviceId,
      training: mode === 'training',
      now: env.clock(),
      ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }),
    }),
    async afterSave(record) {
      if (index && (record.type === 'household' || record.type === 'resident')) {
        (await index).upsert({ id: record.id, householdId: record.householdId ?? record.id, key: record.searchKey });
      }
      // Sent without a tap: a record saved with signal reaches the province a moment later.
      sync.poke('save');
      await askPersistenceOnce(db, env.storage, env.clock().toISOString());
    },
    switchMode: setMode,
    async resetTraining() {
      if (mode !== 'training') return;
      // One transaction: the training data goes whole, the volunteer's setup (the device, its
      // keys, the at-rest key) stays.
      await db.transaction('rw', db.tables, async () => {
        for (const table of db.tables) if (table.name !== 'settings') await table.clear();
        await db.settings.where('key').noneOf(SETUP_SETTINGS.map((setting) => setting.key)).delete();
      });
      index = undefined;
    },
    async loadDemoData() {
      if (mode !== 'training') return 0;
      const response = await env.fetch(new URL(DEMO_DATA_PATH, document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const rows: unknown = await response.json();
      // The loader and its schema load only here: no volunteer's phone pays for them.
      const { parseDemoRows, demoRecords, saveDemoRecords } = await import('../training/demo-households.ts');
      const items = demoRecords(parseDemoRows(rows), session.author());
      await session.resetTraining();
      const count = await saveDemoRecords(db, items, env.clock().toISOString());
      index = undefined;
      return count;
    },
    async forgetDevice() {
      await deleteSetting(db, SETTINGS.device);
    },
  };
  return session;
}
