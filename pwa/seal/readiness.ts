import type { DbMode, LangsoDb } from '../store/db.ts';
import type { DeviceSettings } from '../store/settings.ts';
import type { UiKey } from '../i18n/vi.ts';

/**
 * Where the batch-file keys live in the settings table. Read here by presence only, so the
 * screens can say whether a file can be sealed without loading the sealing code (device-keys.ts
 * parses and checks them when a file is actually made).
 */
export const DEVICE_KEYS_ROW = 'seal:deviceKeys';
export const LEAD_KEYS_ROW = 'seal:leadKeys';
export const LAST_EXPORT_ROW = 'seal:lastExport';

/** Rows that belong to the device's setup: a training reset keeps them. */
export const SEAL_SETUP_ROWS: readonly string[] = [DEVICE_KEYS_ROW, LEAD_KEYS_ROW];

/** Why this phone cannot seal a batch file (or read a receipt file) yet. */
export type BatchFileBlocker = 'no-team' | 'no-lead-keys' | 'no-device-key';

export async function batchFileBlocker(
  db: LangsoDb,
  device: DeviceSettings,
  purpose: 'export' | 'receipts',
): Promise<BatchFileBlocker | undefined> {
  if (device.teamId === undefined) return 'no-team';
  const [lead, own] = await db.settings.bulkGet([LEAD_KEYS_ROW, DEVICE_KEYS_ROW]);
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
