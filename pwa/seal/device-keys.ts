import * as v from 'valibot';
import { keyId } from '../../shared/seal/jwk.ts';
import { generateDeviceKeys, type DeviceKeys } from '../../shared/seal/keys.ts';
import { TeamLeadKeysSchema, type TeamLeadKeys } from '../../shared/sync/protocol.ts';
import type { LangsoDb } from '../store/db.ts';
import { DEVICE_KEYS_ROW, LEAD_KEYS_ROW } from './readiness.ts';
import { EcPublicJwkSchema } from '../../shared/sync/public-keys.ts';
import type { LeadPublicKeys } from '../../shared/sync/public-keys.ts';

/**
 * The phone's own ECDSA P-256 signing key (made at enrolment, its public half registered with the
 * server) and the team lead's public keys (from the enrolment answer, refreshed from the catalog).
 * The private key is a non-extractable CryptoKey stored as the object itself in IndexedDB: no
 * script, ours included, can ever read its bytes; it can only sign with it.
 */
export function makeDeviceKeys(): Promise<DeviceKeys> {
  return generateDeviceKeys({ extractable: false });
}

const StoredDeviceKeysSchema = v.object({
  publicJwk: EcPublicJwkSchema,
  keyId: v.string(),
  privateKey: v.custom<CryptoKey>((value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey, 'CryptoKey'),
});

/** The settings row of the phone's keys, to be put in the enrolment's own transaction. */
export function deviceKeysRow(keys: DeviceKeys): { key: string; value: DeviceKeys } {
  return { key: DEVICE_KEYS_ROW, value: { publicJwk: keys.publicJwk, keyId: keys.keyId, privateKey: keys.privateKey } };
}

export async function readDeviceKeys(db: LangsoDb): Promise<DeviceKeys | undefined> {
  const parsed = v.safeParse(StoredDeviceKeysSchema, (await db.settings.get(DEVICE_KEYS_ROW))?.value);
  if (!parsed.success) return undefined;
  const keys = parsed.output;
  const usable = keys.privateKey.type === 'private' && keys.privateKey.usages.includes('sign') && keys.keyId === (await keyId(keys.publicJwk));
  return usable ? keys : undefined;
}

/**
 * Lead keys as a server sent them, kept only if the key ids are the keys' own thumbprints: the
 * fingerprint the phone shows must be the one `langso init` printed for these very keys.
 */
export async function trustedLeadKeys(value: unknown): Promise<TeamLeadKeys | undefined> {
  const parsed = v.safeParse(TeamLeadKeysSchema, value);
  if (!parsed.success) return undefined;
  const keys = parsed.output;
  const [encryption, signing] = await Promise.all([keyId(keys.encryption), keyId(keys.signing)]);
  return encryption === keys.encryptionKeyId && signing === keys.signingKeyId ? keys : undefined;
}

export function leadKeysRow(keys: TeamLeadKeys): { key: string; value: TeamLeadKeys } {
  return { key: LEAD_KEYS_ROW, value: keys };
}

export async function readLeadKeys(db: LangsoDb): Promise<TeamLeadKeys | undefined> {
  return trustedLeadKeys((await db.settings.get(LEAD_KEYS_ROW))?.value);
}

/** Keeps newer lead keys from a catalog; a catalog without them (an older server) changes nothing. */
export async function refreshLeadKeys(db: LangsoDb, catalog: unknown): Promise<boolean> {
  if (catalog === null || typeof catalog !== 'object' || !('leadKeys' in catalog)) return false;
  const keys = await trustedLeadKeys(catalog.leadKeys);
  if (!keys) return false;
  await db.settings.put(leadKeysRow(keys));
  return true;
}

/** The public halves as the sealing code takes them. */
export function leadPublicKeys(keys: TeamLeadKeys): LeadPublicKeys {
  return { format: keys.format, version: keys.version, encryption: keys.encryption, signing: keys.signing };
}
