import { uuidv7 } from 'uuidv7';
import { hashPayload, toHex } from '../../../shared/sync/canonical.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { concatBytes, sha256, type Bytes } from '../../../shared/seal/bytes.ts';
import { generateDeviceKeys, generateLeadKeys, type DeviceKeys, type LeadKeys } from '../../../shared/seal/keys.ts';
import type { SealItem, SealOptions } from '../../../shared/seal/seal.ts';
import type { EnrolledDevice } from '../../../shared/seal/unseal.ts';

/** Synthetic people only (fixtures rule): the CCCD below is made up and in the Cà Mau range. */
export const FAKE_CCCD = '096203001234';

/** Deterministic bytes (xorshift32), so a failing test shows the same file every run. */
export function seededBytes(length: number, seed: number): Bytes {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

export async function attachment(length: number, seed: number): Promise<{ sha256: string; bytes: Bytes }> {
  const bytes = seededBytes(length, seed);
  return { sha256: toHex(await sha256(bytes)), bytes };
}

export async function residentRecord(index: number, attachments: readonly string[] = []): Promise<WireRecord> {
  const payload = {
    fullName: `Nguyễn Văn Thử ${index}`,
    dateOfBirth: '2003-04-05',
    sex: 'male',
    cccd: FAKE_CCCD,
    phone: '0912345678',
    address: { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Tân Hưng' },
  };
  const at = '2026-02-01T08:00:00.000Z';
  return {
    id: uuidv7(),
    type: 'resident',
    rev: 1,
    hash: await hashPayload(payload),
    payload,
    attachments: [...attachments],
    consent: {
      textVersion: 'consent-vi-2026-01',
      purposes: ['eid_registration'],
      dataCategories: ['identity', 'contact', 'address'],
      processor: 'Tổ công nghệ số cộng đồng ấp Tân Hưng',
      rightsShown: true,
      givenAt: at,
      method: 'tick',
      subjectName: `Nguyễn Văn Thử ${index}`,
      volunteerId: 'volunteer-1',
    },
    createdAt: at,
    updatedAt: at,
    training: false,
  };
}

export interface Team {
  readonly teamId: string;
  readonly deviceId: string;
  readonly lead: LeadKeys;
  readonly device: DeviceKeys;
  readonly devices: readonly EnrolledDevice[];
}

export async function makeTeam(teamId = 'team-tan-hung', deviceId = 'device-phone-1'): Promise<Team> {
  const lead = await generateLeadKeys();
  const device = await generateDeviceKeys();
  return { teamId, deviceId, lead, device, devices: [{ deviceId, keyId: device.keyId }] };
}

/** Seal options for `team`, minus items and sink. */
export function sealOptionsFor(team: Team): Omit<SealOptions, 'items' | 'write'> {
  return {
    recipient: team.lead.publicKeys,
    device: { deviceId: team.deviceId, keys: team.device },
    teamId: team.teamId,
    fileId: uuidv7(),
    createdAt: '2026-02-02T09:30:00.000Z',
  };
}

/** A sink that keeps what it is given, and the bytes joined. */
export function memorySink(): { write: (bytes: Bytes) => void; bytes: () => Bytes } {
  const parts: Bytes[] = [];
  return { write: (bytes) => void parts.push(bytes), bytes: () => concatBytes(parts) };
}

/** The bytes as a re-readable source cut into pieces of `piece` bytes (odd sizes find boundary bugs). */
export function bytesSource(bytes: Uint8Array, piece = 65_536): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let at = 0; at < bytes.length; at += piece) yield bytes.slice(at, at + piece);
  };
}

export interface SampleBatch {
  readonly records: WireRecord[];
  readonly attachments: { sha256: string; bytes: Bytes }[];
  readonly items: SealItem[];
}

/** `recordCount` records; the first ones carry the given attachments, one each. */
export async function sampleBatch(recordCount: number, attachmentSizes: readonly number[]): Promise<SampleBatch> {
  const attachments = await Promise.all(attachmentSizes.map((size, i) => attachment(size, i + 1)));
  const records = await Promise.all(
    Array.from({ length: recordCount }, (_, i) => residentRecord(i + 1, attachments[i] ? [attachments[i].sha256] : [])),
  );
  const items: SealItem[] = [
    ...attachments.map((a): SealItem => ({ kind: 'attachment', sha256: a.sha256, bytes: a.bytes })),
    ...records.map((record): SealItem => ({ kind: 'record', record })),
  ];
  return { records, attachments, items };
}
