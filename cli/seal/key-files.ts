import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import type { SealFailure, SealResult } from '../../shared/seal/errors.ts';
import { sealFailure } from '../../shared/seal/errors.ts';
import {
  LeadPublicKeysSchema,
  unlockLeadKeyFile,
  type LeadKeyFile,
  type LeadKeys,
  type LeadPublicKeys,
} from '../../shared/seal/keys.ts';
import { AtomicFile, isErrno } from './atomic-file.ts';
import type { FileFailure } from './sealed-file.ts';

/**
 * The team lead's key files in the workspace: the passphrase-wrapped private keys (owner-only,
 * never overwritten — losing them loses every batch file still on its way) and the public keys
 * that phones receive at enrolment.
 */
export async function writeLeadKeyFile(
  path: string,
  keyFile: LeadKeyFile,
): Promise<{ readonly ok: true } | SealFailure<'SEAL_KEY_FILE_EXISTS'>> {
  const written = await writeJson(path, keyFile, false);
  return written ? { ok: true } : sealFailure('SEAL_KEY_FILE_EXISTS', { path });
}

export async function writeLeadPublicKeys(path: string, publicKeys: LeadPublicKeys): Promise<void> {
  await writeJson(path, publicKeys, true);
}

export async function unlockLeadKeyFileAt(
  path: string,
  passphrase: string,
): Promise<SealResult<{ readonly keys: LeadKeys }, 'SEAL_KEY_FILE_INVALID' | 'SEAL_PASSPHRASE'> | FileFailure> {
  const json = await readJson(path);
  if (!json.ok) return json;
  return unlockLeadKeyFile(json.value, passphrase);
}

export async function readLeadPublicKeys(
  path: string,
): Promise<SealResult<{ readonly publicKeys: LeadPublicKeys }, 'SEAL_KEY_FILE_INVALID'> | FileFailure> {
  const json = await readJson(path);
  if (!json.ok) return json;
  const parsed = v.safeParse(LeadPublicKeysSchema, json.value);
  if (!parsed.success) return sealFailure('SEAL_KEY_FILE_INVALID', { reason: v.getDotPath(parsed.issues[0]) ?? 'format' });
  return { ok: true, publicKeys: parsed.output };
}

async function writeJson(path: string, value: unknown, overwrite: boolean): Promise<boolean> {
  const file = await AtomicFile.create(path, { mode: 0o600 });
  try {
    await file.write(new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
    return await file.commit({ overwrite });
  } catch (error) {
    await file.discard();
    throw error;
  }
}

async function readJson(
  path: string,
): Promise<{ readonly ok: true; readonly value: unknown } | FileFailure | SealFailure<'SEAL_KEY_FILE_INVALID'>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { ok: false, code: 'FILE_NOT_FOUND', params: { path } };
    return { ok: false, code: 'FILE_UNREADABLE', params: { path, reason: String(error) } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return sealFailure('SEAL_KEY_FILE_INVALID', { reason: 'JSON' });
  }
}
