import type { CliMessageCode, Params } from '../i18n/index.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

/**
 * A mistake the user can fix (a bad flag, a missing file, a server that said no). Printed as one
 * localised line from its stable code; never with a stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: CliMessageCode,
    readonly params: Params = {},
    readonly exitCode: ExitCode = EXIT.usage,
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError' && 'code' in error;
}
