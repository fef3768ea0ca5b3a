import { readFile } from 'node:fs/promises';
import { t, type Lang } from '../i18n/index.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/seal/keys.ts';
import { isErrno } from '../seal/atomic-file.ts';
import { UserError } from '../program/user-error.ts';

export interface PassphraseRequest {
  /** `--passphrase-file FILE`: for scripts; wins over the environment. */
  readonly file: string | undefined;
  /** `LANGSO_PASSPHRASE` is read from here. */
  readonly env: NodeJS.ProcessEnv;
  readonly lang: Lang;
  /** A new passphrase (`langso init`): at least MIN_PASSPHRASE_LENGTH characters, typed twice. */
  readonly create: boolean;
  /** Where the prompt is drawn: stderr, so `--json` keeps stdout to one document. */
  readonly output: NodeJS.WritableStream;
  /** Whether a person can answer a prompt (injected in tests); default: stdin and stderr are TTYs. */
  readonly interactive?: boolean;
}

/** Tries before giving up on a typed-twice passphrase that does not match. */
const CONFIRM_TRIES = 3;

/**
 * The passphrase of the lead's key file: `--passphrase-file`, else `LANGSO_PASSPHRASE`, else a
 * masked prompt on a terminal. Without any of them (a script, a pipe) it is a usage error, never a
 * hang waiting on input nobody will type. A new passphrase is checked for length here, before the
 * workspace is touched.
 */
export async function readPassphrase(request: PassphraseRequest): Promise<string> {
  const given = request.file !== undefined ? await fromFile(request.file) : nonEmpty(request.env['LANGSO_PASSPHRASE']);
  if (given !== undefined) {
    if (request.create) checkStrength(given);
    return given;
  }
  const interactive = request.interactive ?? (Boolean(process.stdin.isTTY) && Boolean((process.stderr as { isTTY?: boolean }).isTTY));
  if (!interactive) throw new UserError('LEAD_PASSPHRASE_REQUIRED');
  try {
    return request.create ? await promptNew(request) : await prompt(request, t(request.lang, 'LEAD_PROMPT_PASSPHRASE'));
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new UserError('LEAD_PASSPHRASE_CANCELLED', {}, undefined, { cause: error });
    throw error;
  }
}

/** The file's text without its line ending: `echo secret > file` must give `secret`. */
async function fromFile(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) throw new UserError('FILE_NOT_FOUND', { path }, undefined, { cause: error });
    throw new UserError('FILE_UNREADABLE', { path, reason: error instanceof Error ? error.message : String(error) }, undefined, {
      cause: error,
    });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function checkStrength(passphrase: string): void {
  if (passphrase.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) {
    throw new UserError('SEAL_PASSPHRASE_WEAK', { min: MIN_PASSPHRASE_LENGTH });
  }
}

/** The prompt library loads only when a terminal prompt is needed: every other run starts faster. */
async function prompt(request: PassphraseRequest, message: string, validate?: (value: string) => string | true): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  return password(
    { message, mask: '*', ...(validate ? { validate } : {}) },
    { input: process.stdin, output: request.output, clearPromptOnDone: false },
  );
}

async function promptNew(request: PassphraseRequest): Promise<string> {
  const { lang } = request;
  const longEnough = (value: string): string | true =>
    value.normalize('NFC').length >= MIN_PASSPHRASE_LENGTH || t(lang, 'SEAL_PASSPHRASE_WEAK', { min: MIN_PASSPHRASE_LENGTH });
  for (let attempt = 1; ; attempt += 1) {
    const first = await prompt(request, t(lang, 'LEAD_PROMPT_PASSPHRASE_NEW', { min: MIN_PASSPHRASE_LENGTH }), longEnough);
    const again = await prompt(request, t(lang, 'LEAD_PROMPT_PASSPHRASE_AGAIN'));
    if (first === again) return first;
    if (attempt >= CONFIRM_TRIES) throw new UserError('LEAD_PASSPHRASE_MISMATCH');
    request.output.write(`${t(lang, 'LEAD_PASSPHRASE_MISMATCH')}\n`);
  }
}
