import type { DbMode, LangsoDb } from '../store/db.ts';
import { SETTINGS, settingsPresent, type DeviceSettings } from '../store/settings-registry.ts';
import type { UiKey } from '../i18n/vi.ts';

/** Why this phone cannot seal a batch file (or read a receipt file) yet. */
export type BatchFileBlocker = 'no-team' | 'no-lead-keys' | 'no-device-key';

export async function batchFileBlocker(
  db: LangsoDb,
  device: DeviceSettings,
  purpose: 'export' | 'receipts',
): Promise<BatchFileBlocker | undefined> {
  if (device.teamId === undefined) return 'no-team';
  // By presence only, so the screens can say whether a file can be sealed without loading the
  // sealing code (device-keys.ts parses and checks the keys when a file is actually made).
  const [lead, own] = await settingsPresent(db, [SETTINGS.leadKeys, SETTINGS.deviceKeys]);
  if (!lead) return 'no-lead-keys';
  // Receipt files are checked with the lead's key only; sealing also signs with the phone's.
  if (purpose === 'export' && !own) return 'no-device-key';
  return undefined;
}

/** The sentence that explains a blocker; training mode has its own, whatever the cause. */
export function blockerText(mode: DbMode, blocker: BatchFileBlocker): UiKey {
  if (mode === 'training') return 'batchTraining';
  if (blocker === 'no-team') return 'batchNoTeam';
  return blocker === 'no-lead-keys' ? 'batchNoLeadKeys' : 'batchNoDeviceKey';
}
