import type { Params } from '../i18n/index.ts';
import type { ProtocolErrorCode } from '../../shared/sync/protocol.ts';

/**
 * A request the server refuses as a whole. Thrown inside a handler, answered by the dispatcher
 * as `{code, message}` with this status; the server keeps serving.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ProtocolErrorCode,
    readonly params: Params = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(code);
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && error.name === 'HttpError' && 'status' in error && 'code' in error;
}

/**
 * The client went away before the request was read: nobody to answer. Not an error of ours.
 */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
}
