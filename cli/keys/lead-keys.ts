import { existsSync, readFileSync } from 'node:fs';
import { link, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { keyId, shortFingerprint } from '../../shared/seal/jwk.ts';
import { generateLeadKeys, LeadKeyFileSchema, lockLeadKeys, type LeadKeys } from '../../shared/seal/keys.ts';
import { unlockLeadKeyFileAt, writeLeadKeyFile, writeLeadPublicKeys } from '../seal/key-files.ts';
import { UserError } from '../program/user-error.ts';
import type { LeadPublicKeys } from '../../shared/sync/public-keys.ts';

/**
 * The team lead's key files in the workspace: `lead-key.json` holds both private keys
 * wrapped under the passphrase, `lead-public.json` the public halves phones receive. Both are
 * owner-only. A key file is never overwritten: new keys move the old file aside first, so a
 * batch file still on its way to the old key can be opened with it.
 */
export const LEAD_KEY_FILE = 'lead-key.json';
export const LEAD_PUBLIC_FILE = 'lead-public.json';

export function leadKeyFile(dir: string): string {
  return join(dir, LEAD_KEY_FILE);
}

export function hasLeadKeys(dir: string): boolean {
  return existsSync(leadKeyFile(dir));
}

export interface LeadKeysFacts {
  readonly publicKeys: LeadPublicKeys;
  readonly encryptionKeyId: string;
  readonly signingKeyId: string;
  /** What the lead compares with the phones' screens: the short form of the encryption key id. */
  readonly fingerprint: string;
  /** Made by this run. */
  readonly created: boolean;
  /** Where the replaced key file went, when `--new-keys` replaced one. */
  readonly retired: string | undefined;
}

export interface LeadKeysRequest {
  /** Needed only when keys are made; the caller reads it (passphrase.ts) before touching anything. */
  readonly passphrase: string | undefined;
  /** `init --force --new-keys`: replace keys that exist. */
  readonly newKeys: boolean;
}

/** Whether `ensureLeadKeys` will make keys, so needs a passphrase: none usable yet, or asked for. */
export function leadKeysNeeded(dir: string, newKeys: boolean): boolean {
  return newKeys || readWorkspaceLeadPublicKeys(dir) === undefined;
}

/**
 * Makes the lead's keys when the workspace has none usable (or `newKeys`), else reports the ones
 * it has. An unreadable key file is moved aside, like a replaced one, never deleted.
 */
export async function ensureLeadKeys(dir: string, request: LeadKeysRequest): Promise<LeadKeysFacts> {
  const existing = readWorkspaceLeadPublicKeys(dir);
  if (existing !== undefined && !request.newKeys) return { ...(await factsOf(existing)), created: false, retired: undefined };
  if (request.passphrase === undefined) throw new Error('ensureLeadKeys: a passphrase is needed to make keys');

  const keys = await generateLeadKeys();
  const locked = await lockLeadKeys(keys, request.passphrase);
  if (!locked.ok) throw new UserError(locked.code, locked.params);
  const retired = hasLeadKeys(dir) ? await retireKeyFile(dir, existing) : undefined;
  const written = await writeLeadKeyFile(leadKeyFile(dir), locked.value.keyFile);
  if (!written.ok) throw new UserError(written.code, written.params);
  await writeLeadPublicKeys(join(dir, LEAD_PUBLIC_FILE), keys.publicKeys);
  return { ...(await factsOf(keys.publicKeys)), created: true, retired };
}

async function factsOf(publicKeys: LeadPublicKeys): Promise<Omit<LeadKeysFacts, 'created' | 'retired'>> {
  const encryptionKeyId = await keyId(publicKeys.encryption);
  return { publicKeys, encryptionKeyId, signingKeyId: await keyId(publicKeys.signing), fingerprint: shortFingerprint(encryptionKeyId) };
}

/** Moves the key file aside under a name of its own (hard link, then unlink: never overwrites). */
async function retireKeyFile(dir: string, publicKeys: LeadPublicKeys | undefined): Promise<string> {
  const id = publicKeys ? (await keyId(publicKeys.encryption)).slice(0, 16) : 'unreadable';
  const from = leadKeyFile(dir);
  for (let n = 1; ; n += 1) {
    const to = join(dir, `lead-key.retired-${id}${n === 1 ? '' : `-${n}`}.json`);
    try {
      await link(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await unlink(from);
    return to;
  }
}

/**
 * The public keys of the workspace's key file, or undefined when there is none (or it is not a
 * key file). Read from the key file itself, not `lead-public.json`: they are bound to the
 * private keys there, so they are the ones imports will open files with. Synchronous: the hub
 * reads them once at start.
 */
export function readWorkspaceLeadPublicKeys(dir: string): LeadPublicKeys | undefined {
  let text: string;
  try {
    text = readFileSync(leadKeyFile(dir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = v.safeParse(LeadKeyFileSchema, JSON.parse(text));
    return parsed.success ? parsed.output.public : undefined;
  } catch {
    return undefined;
  }
}

/** The lead's private keys, unlocked; every failure is the lead's to fix, with its own code. */
export async function unlockWorkspaceLeadKeys(dir: string, passphrase: string): Promise<LeadKeys> {
  if (!hasLeadKeys(dir)) throw new UserError('LEAD_KEYS_MISSING', { path: dir });
  const unlocked = await unlockLeadKeyFileAt(leadKeyFile(dir), passphrase);
  if (!unlocked.ok) throw new UserError(unlocked.code, unlocked.params);
  return unlocked.value.keys;
}
