import type { DbMode } from '../store/db.ts';
import type { BatchKeysHeld } from '../store/queries.ts';
import type { DeviceSettings } from '../store/settings-registry.ts';
import type { UiKey } from '../i18n/vi.ts';

/** Why this phone cannot seal a batch file (or read a receipt file) yet: failure codes of this app. */
export const BATCH_FILE_BLOCKERS = ['BATCH_NO_TEAM', 'BATCH_NO_LEAD_KEYS', 'BATCH_NO_DEVICE_KEY'] as const;
export type BatchFileBlocker = (typeof BATCH_FILE_BLOCKERS)[number];

export function isBatchFileBlocker(code: string): code is BatchFileBlocker {
  return (BATCH_FILE_BLOCKERS as readonly string[]).includes(code);
}

/**
 * What stops this phone from sealing, given which key rows it holds (by presence: device-keys.ts
 * parses and checks the keys when a file is actually made).
 */
export function batchFileBlocker(device: DeviceSettings, keys: BatchKeysHeld, purpose: 'export' | 'receipts'): BatchFileBlocker | undefined {
  if (device.teamId === undefined) return 'BATCH_NO_TEAM';
  if (!keys.lead) return 'BATCH_NO_LEAD_KEYS';
  // Receipt files are checked with the lead's key only; sealing also signs with the phone's.
  if (purpose === 'export' && !keys.own) return 'BATCH_NO_DEVICE_KEY';
  return undefined;
}

/** The sentence that explains a blocker; training mode has its own, whatever the cause. */
export function blockerText(mode: DbMode, blocker: BatchFileBlocker): UiKey {
  if (mode === 'training') return 'batchTraining';
  if (blocker === 'BATCH_NO_TEAM') return 'batchNoTeam';
  return blocker === 'BATCH_NO_LEAD_KEYS' ? 'batchNoLeadKeys' : 'batchNoDeviceKey';
}
