import * as v from 'valibot';
import { keyId } from '../../shared/seal/jwk.ts';
import { generateDeviceKeys, type DeviceKeys } from '../../shared/seal/keys.ts';
import { TeamLeadKeysSchema, type TeamLeadKeys } from '../../shared/sync/protocol.ts';
import type { LeadPublicKeys } from '../../shared/sync/public-keys.ts';
import type { LangsoDb } from '../store/db.ts';
import { readSetting, SETTINGS, settingRow, writeSetting } from '../store/settings-registry.ts';
import type { SettingRow } from '../store/types.ts';

/**
 * The phone's own ECDSA P-256 signing key (made at enrolment, its public half registered with the
 * server) and the team lead's public keys (from the enrolment answer, refreshed from the catalog).
 * The private key is a non-extractable CryptoKey stored as the object itself in IndexedDB: no
 * script, ours included, can ever read its bytes; it can only sign with it.
 */
export function makeDeviceKeys(): Promise<DeviceKeys> {
  return generateDeviceKeys({ extractable: false });
}

/** The settings row of the phone's keys, to be put in the enrolment's own transaction. */
export function deviceKeysRow(keys: DeviceKeys): SettingRow {
  return settingRow(SETTINGS.deviceKeys, { publicJwk: keys.publicJwk, keyId: keys.keyId, privateKey: keys.privateKey });
}

export async function readDeviceKeys(db: LangsoDb): Promise<DeviceKeys | undefined> {
  const keys = await readSetting(db, SETTINGS.deviceKeys);
  if (!keys) return undefined;
  const usable = keys.privateKey.type === 'private' && keys.privateKey.usages.includes('sign') && keys.keyId === (await keyId(keys.publicJwk));
  return usable ? keys : undefined;
}

/**
 * Lead keys as a server sent them, kept only if the key ids are the keys' own thumbprints: the
 * fingerprint the phone shows must be the one `langso init` printed for these very keys.
 */
export async function trustedLeadKeys(value: unknown): Promise<TeamLeadKeys | undefined> {
  const parsed = v.safeParse(TeamLeadKeysSchema, value);
  return parsed.success && (await idsAreThumbprints(parsed.output)) ? parsed.output : undefined;
}

async function idsAreThumbprints(keys: TeamLeadKeys): Promise<boolean> {
  const [encryption, signing] = await Promise.all([keyId(keys.encryption), keyId(keys.signing)]);
  return encryption === keys.encryptionKeyId && signing === keys.signingKeyId;
}

export function leadKeysRow(keys: TeamLeadKeys): SettingRow {
  return settingRow(SETTINGS.leadKeys, keys);
}

export async function readLeadKeys(db: LangsoDb): Promise<TeamLeadKeys | undefined> {
  const keys = await readSetting(db, SETTINGS.leadKeys);
  return keys && (await idsAreThumbprints(keys)) ? keys : undefined;
}

/** Keeps newer lead keys from a catalog; a catalog without them (an older server) changes nothing. */
export async function refreshLeadKeys(db: LangsoDb, catalog: unknown): Promise<boolean> {
  if (catalog === null || typeof catalog !== 'object' || !('leadKeys' in catalog)) return false;
  const keys = await trustedLeadKeys(catalog.leadKeys);
  if (!keys) return false;
  await writeSetting(db, SETTINGS.leadKeys, keys);
  return true;
}

/** The public halves as the sealing code takes them. */
export function leadPublicKeys(keys: TeamLeadKeys): LeadPublicKeys {
  return { format: keys.format, version: keys.version, encryption: keys.encryption, signing: keys.signing };
}
