import { ok } from '../../shared/domain/result.ts';
import * as v from 'valibot';
import { sealFailure, type SealResult } from '../../shared/seal/errors.ts';
import { unlockLeadKeyFile, type LeadKeyFile, type LeadKeys } from '../../shared/seal/keys.ts';
import type { FileFailure } from './file-failure.ts';
import { readJsonFile, writeJsonFile } from './json-file.ts';
import { LeadPublicKeysSchema, type LeadPublicKeys } from '../../shared/sync/public-keys.ts';

/**
 * The team lead's key files in the workspace: the passphrase-wrapped private keys (owner-only,
 * never overwritten — losing them loses every batch file still on its way) and the public keys
 * that phones receive at enrolment.
 */
export async function writeLeadKeyFile(
  path: string,
  keyFile: LeadKeyFile,
): Promise<SealResult<null, 'SEAL_KEY_FILE_EXISTS'>> {
  const written = await writeJsonFile(path, keyFile, { overwrite: false });
  return written ? ok(null) : sealFailure('SEAL_KEY_FILE_EXISTS', { path });
}

export async function writeLeadPublicKeys(path: string, publicKeys: LeadPublicKeys): Promise<void> {
  await writeJsonFile(path, publicKeys);
}

export async function unlockLeadKeyFileAt(
  path: string,
  passphrase: string,
): Promise<SealResult<{ readonly keys: LeadKeys }, 'SEAL_KEY_FILE_INVALID' | 'SEAL_PASSPHRASE'> | FileFailure> {
  const json = await readJsonFile(path);
  if (!json.ok) return json.code === 'FILE_INVALID_JSON' ? sealFailure('SEAL_KEY_FILE_INVALID', { reason: 'JSON' }) : json;
  return unlockLeadKeyFile(json.value, passphrase);
}

export async function readLeadPublicKeys(
  path: string,
): Promise<SealResult<{ readonly publicKeys: LeadPublicKeys }, 'SEAL_KEY_FILE_INVALID'> | FileFailure> {
  const json = await readJsonFile(path);
  if (!json.ok) return json.code === 'FILE_INVALID_JSON' ? sealFailure('SEAL_KEY_FILE_INVALID', { reason: 'JSON' }) : json;
  const parsed = v.safeParse(LeadPublicKeysSchema, json.value);
  if (!parsed.success) return sealFailure('SEAL_KEY_FILE_INVALID', { reason: v.getDotPath(parsed.issues[0]) ?? 'format' });
  return ok({ publicKeys: parsed.output });
}
