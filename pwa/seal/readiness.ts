import type { DbMode } from '../store/db.ts';
import type { BatchKeysHeld } from '../store/queries.ts';
import type { DeviceSettings } from '../store/settings-registry.ts';
import type { UiKey } from '../i18n/vi.ts';

/** Why this phone cannot seal a batch file (or read a receipt file) yet. */
export type BatchFileBlocker = 'no-team' | 'no-lead-keys' | 'no-device-key';

/**
 * What stops this phone from sealing, given which key rows it holds (by presence: device-keys.ts
 * parses and checks the keys when a file is actually made).
 */
export function batchFileBlocker(device: DeviceSettings, keys: BatchKeysHeld, purpose: 'export' | 'receipts'): BatchFileBlocker | undefined {
  if (device.teamId === undefined) return 'no-team';
  if (!keys.lead) return 'no-lead-keys';
  // Receipt files are checked with the lead's key only; sealing also signs with the phone's.
  if (purpose === 'export' && !keys.own) return 'no-device-key';
  return undefined;
}

/** The sentence that explains a blocker; training mode has its own, whatever the cause. */
export function blockerText(mode: DbMode, blocker: BatchFileBlocker): UiKey {
  if (mode === 'training') return 'batchTraining';
  if (blocker === 'no-team') return 'batchNoTeam';
  return blocker === 'no-lead-keys' ? 'batchNoLeadKeys' : 'batchNoDeviceKey';
}
