import { failure, type Failure, type Result } from '../domain/result.ts';
import type { MessageCode, Params } from '../i18n/index.ts';

/**
 * Stable codes of everything that can go wrong with sealed batch files, key files and receipt
 * files. Each is a message in shared/i18n (the `satisfies` keeps the two in step at compile time).
 */
export const SEAL_ERROR_CODES = [
  // Reading a .langso file, in the order the checks run.
  'SEAL_EMPTY',
  'SEAL_NOT_LANGSO',
  'SEAL_VERSION_UNSUPPORTED',
  'SEAL_TRUNCATED',
  'SEAL_CORRUPT',
  'SEAL_WRONG_KEY',
  'SEAL_SIGNATURE',
  'SEAL_OTHER_TEAM',
  'SEAL_UNKNOWN_DEVICE',
  'SEAL_RECORD_INVALID',
  'SEAL_HASH_MISMATCH',
  'SEAL_REPLAYED',
  'SEAL_CHANGED_DURING_READ',
  // Making a .langso file from the outbox.
  'SEAL_INPUT_EMPTY',
  'SEAL_INPUT_RECORD_INVALID',
  'SEAL_INPUT_RECORD_HASH',
  'SEAL_INPUT_ATTACHMENT_HASH',
  'SEAL_INPUT_ATTACHMENT_TOO_LARGE',
  // Key files.
  'SEAL_PASSPHRASE',
  'SEAL_PASSPHRASE_WEAK',
  'SEAL_KEY_FILE_INVALID',
  'SEAL_KEY_FILE_EXISTS',
  // Receipt files (lead → phone).
  'SEAL_RECEIPT_INVALID',
  'SEAL_RECEIPT_VERSION_UNSUPPORTED',
  'SEAL_RECEIPT_SIGNATURE',
  'SEAL_RECEIPT_OTHER_TEAM',
  'SEAL_RECEIPT_OTHER_DEVICE',
] as const satisfies readonly MessageCode[];
export type SealErrorCode = (typeof SEAL_ERROR_CODES)[number];

/** A sealed-file failure: its code, and the placeholders of its message (`t(lang, code, params)`). */
export type SealFailure<C extends SealErrorCode = SealErrorCode> = Failure<C>;

export type SealResult<T, C extends SealErrorCode = SealErrorCode> = Result<T, SealFailure<C>>;

export function sealFailure<C extends SealErrorCode>(code: C, params: Params = {}): SealFailure<C> {
  return failure(code, params);
}
