import type { SyncStateKey } from '../../shared/sync/outbox-store.ts';

/** Where the sync engine's small state lives in the settings table. */
export function stateKey(key: SyncStateKey): string {
  return `sync:${key}`;
}
