import type { AuthFailure, PermanentFailure, TransientFailure, TransportFailure } from './transport.ts';

/** What the server said besides its status, when it said anything. */
export interface HttpFailureDetails {
  readonly retryAfterMs?: number | undefined;
  /** The stable code of the `{code, message}` error body. */
  readonly code?: string | undefined;
  readonly message?: string | undefined;
}

/**
 * DESIGN §3 error classes, as a pure function of an HTTP answer that was not a success:
 * 408, 409 (the same batch is still being processed), 429 and 5xx are transient; 401/403 ask
 * for sign-in; every other status is permanent for this request.
 */
export function classifyHttpFailure(status: number, details: HttpFailureDetails = {}): TransportFailure {
  if (status === 401 || status === 403) return { kind: 'auth', status } satisfies AuthFailure;
  if (status === 408 || status === 409 || status === 429 || status >= 500) {
    const failure: TransientFailure = { kind: 'transient', status, cause: details.code ?? `HTTP_${status}` };
    return details.retryAfterMs === undefined ? failure : { ...failure, retryAfterMs: details.retryAfterMs };
  }
  return {
    kind: 'permanent',
    status,
    code: details.code ?? `HTTP_${status}`,
    message: details.message ?? `HTTP ${status}`,
  } satisfies PermanentFailure;
}

/** No HTTP answer at all: always transient (the record stays; the link may come back). */
export function networkFailure(aborted: boolean): TransientFailure {
  return { kind: 'transient', cause: aborted ? 'ABORTED' : 'SYNC_NETWORK' };
}

/** The server answered, but not in protocol v1: retrying the same request cannot fix it. */
export function badResponse(status: number, message: string): PermanentFailure {
  return { kind: 'permanent', status, code: 'BAD_RESPONSE', message };
}
