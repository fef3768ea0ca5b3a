import type { LangsoDb } from './db.ts';
import { readSetting, SETTINGS, writeSetting, type PersistAnswer } from './settings-registry.ts';

/** The slice of navigator.storage the app uses, passed in so tests can give their own. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/**
 * Asks the browser not to evict our data, once, after the first save (asking earlier, before the
 * volunteer has done anything, is refused by most browsers), and keeps the answer to show.
 */
export async function askPersistenceOnce(db: LangsoDb, storage: StorageManagerLike | undefined, at: string): Promise<PersistAnswer> {
  const known = await readSetting(db, SETTINGS.persist);
  if (known?.granted || (known && !known.supported)) return known;
  const answer: PersistAnswer = storage?.persist
    ? { granted: await storage.persist(), supported: true, at }
    : { granted: false, supported: false, at };
  await writeSetting(db, SETTINGS.persist, answer);
  return answer;
}

export interface StorageUse {
  readonly usage: number;
  readonly quota: number;
  /** 0..1 */
  readonly share: number;
  /** At 80 % the browser may soon refuse writes or evict: the volunteer must sync or export. */
  readonly warn: boolean;
}

export const STORAGE_WARN_SHARE = 0.8;

export async function storageUse(storage: StorageManagerLike | undefined): Promise<StorageUse | undefined> {
  if (!storage?.estimate) return undefined;
  const { usage = 0, quota = 0 } = await storage.estimate();
  const share = quota > 0 ? usage / quota : 0;
  return { usage, quota, share, warn: share >= STORAGE_WARN_SHARE };
}

/** Records unsynced for longer than this are at risk: the app says so and offers the export. */
export const UNSYNCED_WARN_MS = 3 * 24 * 60 * 60 * 1000;

export function unsyncedTooLong(oldestQueuedAt: string | undefined, now: Date): boolean {
  if (oldestQueuedAt === undefined) return false;
  return now.getTime() - Date.parse(oldestQueuedAt) > UNSYNCED_WARN_MS;
}
