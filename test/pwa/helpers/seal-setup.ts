import { keyId } from '../../../shared/seal/jwk.ts';
import { generateDeviceKeys, generateLeadKeys, type DeviceKeys, type LeadKeys } from '../../../shared/seal/keys.ts';
import type { TeamLeadKeys } from '../../../shared/sync/protocol.ts';
import { deviceKeysRow, leadKeysRow } from '../../../pwa/seal/device-keys.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { SETTINGS, writeSetting, type DeviceSettings } from '../../../pwa/store/settings-registry.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { putAttachment } from '../../../pwa/store/attachments.ts';
import { household } from './records.ts';

export const TEAM_ID = 'team-tan-hung';
export const DEVICE: DeviceSettings = {
  deviceId: '0195a0b1-0000-7000-8000-00000000abcd',
  volunteerName: 'Tình nguyện viên Thử',
  serverUrl: 'http://127.0.0.1:9',
  token: 'token-test',
  teamId: TEAM_ID,
  teamName: 'Tổ CNS ấp Tân Hưng',
  enrolledAt: '2026-03-01T08:00:00.000Z',
};

/** What a hub hands out: the lead's public keys with their thumbprints. */
export async function teamLeadKeys(lead: LeadKeys): Promise<TeamLeadKeys> {
  return {
    ...lead.publicKeys,
    encryptionKeyId: await keyId(lead.publicKeys.encryption),
    signingKeyId: await keyId(lead.publicKeys.signing),
  };
}

export interface EnrolledPhone {
  readonly lead: LeadKeys;
  readonly device: DeviceKeys;
}

/** A phone enrolled with a team whose lead has keys: the rows `joinTeam` writes. */
export async function enrolPhone(db: LangsoDb, parts: { readonly lead?: boolean; readonly deviceKey?: boolean } = {}): Promise<EnrolledPhone> {
  const lead = await generateLeadKeys();
  const device = await generateDeviceKeys();
  await writeSetting(db, SETTINGS.device, DEVICE);
  if (parts.deviceKey !== false) await db.settings.put(deviceKeysRow(device));
  if (parts.lead !== false) await db.settings.put(leadKeysRow(await teamLeadKeys(lead)));
  return { lead, device };
}

/** Bytes that look like a small JPEG (SOI marker first), seeded. */
export function fakeJpeg(seed: number, length = 3000): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < length; i += 1) bytes[i] = (i * 31 + seed * 17) & 0xff;
  return bytes;
}

/** A household whose consent was signed on screen: one attachment, saved and queued as the app does. */
export async function householdWithPhoto(db: LangsoDb, seed: number, overrides: { readonly sha256?: string } = {}) {
  const sha256 = overrides.sha256 ?? (await putAttachment(db, new Blob([fakeJpeg(seed)], { type: 'image/jpeg' }), '2026-03-01T08:00:00.000Z')).sha256;
  const base = household();
  const record = { ...base, consent: base.consent && { ...base.consent, method: 'signature' as const, signatureSha256: sha256 } };
  await saveRecord(db, { record, searchKey: 'x', householdId: record.id, at: record.updatedAt });
  return { record, sha256 };
}
