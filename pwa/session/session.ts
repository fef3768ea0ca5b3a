import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DbMode, LangsoDb } from '../store/db.ts';
import type { DexieOutboxStore } from '../store/dexie-outbox-store.ts';
import type { Queries } from '../store/queries.ts';
import type { DeviceSettings } from '../store/settings-registry.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { StoredRecord } from '../store/types.ts';
import type { SyncController } from '../sync/sync-controller.ts';
import type { DirtyFlag } from './dirty-flag.ts';
import type { Author } from '../records/envelope.ts';
import type { StorageManagerLike } from '../store/persistence.ts';

/** Everything a screen needs from the running app, passed down instead of kept in module state. */
/** What the browser says of the network, and when that changes. */
export interface Network {
  online(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface Session {
  readonly network: Network;
  /** For the writes (saves, photos, settings); the screens read through `queries`. */
  readonly db: LangsoDb;
  readonly queries: Queries;
  /** The one outbox store of this database: the sync engine's, and the screens' counts and requeues. */
  readonly outbox: DexieOutboxStore;
  readonly mode: DbMode;
  readonly device: DeviceSettings;
  readonly dirty: DirtyFlag;
  readonly sync: SyncController;
  readonly storage: StorageManagerLike | undefined;
  readonly clock: () => Date;
  /** The search index, built once per session in the background. */
  searchIndex(): Promise<SearchIndex>;
  /** Who writes a record saved now. */
  author(): Author;
  /** Called after every save: keeps the search index current and asks for persistence once. */
  afterSave(record: StoredRecord): Promise<void>;
  switchMode(mode: DbMode): void;
  resetTraining(): Promise<void>;
  /** Training mode: replaces the training data with the class's demo households; returns the count. */
  loadDemoData(): Promise<number>;
  forgetDevice(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a session');
  return session;
}
