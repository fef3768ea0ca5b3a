import type { AuthFailure, PermanentFailure, TransientFailure, TransportFailure } from './transport.ts';

/** What the server said besides its status, when it said anything. */
export interface HttpFailureDetails {
  readonly retryAfterMs?: number | undefined;
  /** The stable code of the `{code, message}` error body. */
  readonly code?: string | undefined;
  readonly message?: string | undefined;
}

/**
 * The error classes of docs/PROTOCOL.md, as a pure function of an HTTP answer that was not a
 * success: 408, 409 (the same batch is still being processed), 429 and 5xx are transient;
 * 401/403 ask for sign-in; every other status is permanent for this request.
 */
export function classifyHttpFailure(status: number, details: HttpFailureDetails = {}): TransportFailure {
  if (status === 401 || status === 403) {
    return { ok: false, class: 'auth', status, code: status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED', params: { status } } satisfies AuthFailure;
  }
  if (status === 408 || status === 409 || status === 429 || status >= 500) {
    const failure: TransientFailure = { ok: false, class: 'transient', status, code: details.code ?? `HTTP_${status}`, params: { status } };
    return details.retryAfterMs === undefined ? failure : { ...failure, retryAfterMs: details.retryAfterMs };
  }
  return refusal(status, details);
}

/** A 4xx answer as a permanent failure with the server's code and words. */
export function refusal(status: number, details: HttpFailureDetails = {}): PermanentFailure {
  return {
    ok: false,
    class: 'permanent',
    status,
    code: details.code ?? `HTTP_${status}`,
    params: { status },
    message: details.message ?? `HTTP ${status}`,
  };
}

/**
 * No HTTP answer at all: always transient (the record stays; the link may come back). `error`
 * is what fetch threw; its socket reason (Node's `ECONNREFUSED`, `ENOTFOUND`…), when it has
 * one, goes in the params for whoever reads a log.
 */
export function networkFailure(aborted: boolean, error?: unknown): TransientFailure {
  if (aborted) return { ok: false, class: 'transient', code: 'ABORTED', params: {} };
  const reason = socketReason(error);
  return { ok: false, class: 'transient', code: 'SYNC_NETWORK', params: reason === undefined ? {} : { reason } };
}

function socketReason(error: unknown): string | undefined {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return cause instanceof Error ? cause.message : undefined;
}

/** The request could not even be made (a transport that threw), or took too long. */
export function transientFailure(code: 'TRANSPORT_ERROR' | 'TIMEOUT'): TransientFailure {
  return { ok: false, class: 'transient', code, params: {} };
}

/** The server answered, but not in protocol v1: retrying the same request cannot fix it. */
export function badResponse(status: number, message: string): PermanentFailure {
  return { ok: false, class: 'permanent', status, code: 'BAD_RESPONSE', params: { status }, message };
}
