import type { Failure, Ok } from '../domain/result.ts';
import type { BatchRequest, BatchResponse, EnrolRequest, EnrolResponse, UpdatesResponse } from './protocol.ts';

/**
 * What one request came to. Transports never throw: a failed request is a value the engine can
 * decide on (docs/PROTOCOL.md, error classes).
 */
export type TransportResult<T> = TransportOk<T> | TransportFailure;
export type TransportFailure = TransientFailure | AuthFailure | PermanentFailure;

export interface TransportOk<T> extends Ok<T> {
  /** The server's clock from its `Date` header (epoch ms), for clock-skew measurement. */
  readonly serverDate?: number;
}

/** How a failed request may be retried: later, after signing in again, or not at all. */
export type FailureClass = TransportFailure['class'];

/**
 * Worth retrying later: no network, a cut connection, 408, 409 (still in flight), 429, 5xx.
 * `code` is `SYNC_NETWORK`, `TIMEOUT`, `ABORTED`, `TRANSPORT_ERROR` or the server's code.
 */
export interface TransientFailure extends Failure {
  readonly class: 'transient';
  /** Absent when no HTTP answer arrived at all (offline, connection cut, aborted). */
  readonly status?: number;
  readonly retryAfterMs?: number;
}

/** 401/403: the device must enrol or sign in again; retrying cannot help (`UNAUTHORIZED`, `FORBIDDEN`). */
export interface AuthFailure extends Failure {
  readonly class: 'auth';
  readonly status: number;
}

/** Any other 4xx, or an answer that breaks the protocol (code `BAD_RESPONSE`). */
export interface PermanentFailure extends Failure {
  readonly class: 'permanent';
  readonly status: number;
  /** The server's own words (or what broke the protocol), shown after ours. */
  readonly message: string;
}

export type CatalogResult = { readonly changed: false } | { readonly changed: true; readonly etag?: string; readonly catalog: unknown };

/**
 * The province's side of sync protocol v1 (docs/PROTOCOL.md), as the engine and the enrolment
 * screens see it. The HTTP implementation is `createHttpTransport`; tests pass an in-memory
 * province.
 */
export interface Transport {
  /**
   * `POST /v1/devices` with a one-time team code. A refused code is a permanent failure with
   * the server's code (`ENROL_CODE_INVALID`), whatever its status.
   */
  enrol(request: EnrolRequest, signal?: AbortSignal): Promise<TransportResult<EnrolResponse>>;
  /** `HEAD /v1/attachments/{sha256}`: does the server hold these bytes already? */
  headAttachment(sha256: string, signal?: AbortSignal): Promise<TransportResult<{ readonly present: boolean }>>;
  /** `PUT /v1/attachments/{sha256}`; harmless to repeat (content-addressed). */
  putAttachment(sha256: string, bytes: Uint8Array, signal?: AbortSignal): Promise<TransportResult<null>>;
  /** `POST /v1/batches` with `Idempotency-Key`: the same key and body always get the same receipts. */
  postBatch(request: BatchRequest, idempotencyKey: string, signal?: AbortSignal): Promise<TransportResult<BatchResponse>>;
  /** `GET /v1/updates?since=cursor` (from the beginning when the cursor is undefined). */
  getUpdates(cursor: string | undefined, signal?: AbortSignal): Promise<TransportResult<UpdatesResponse>>;
  /** `GET /v1/catalog` with `If-None-Match`; a 304 is `{changed: false}`. */
  getCatalog(etag: string | undefined, signal?: AbortSignal): Promise<TransportResult<CatalogResult>>;
}
