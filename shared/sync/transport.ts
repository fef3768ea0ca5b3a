import type { BatchRequest, BatchResponse, UpdatesResponse } from './protocol.ts';

/**
 * What one request came to. Transports never throw: a failed request is a value the engine can
 * decide on (DESIGN §3 error classes).
 */
export type TransportResult<T> = TransportOk<T> | TransportFailure;
export type TransportFailure = TransientFailure | AuthFailure | PermanentFailure;

export interface TransportOk<T> {
  readonly kind: 'ok';
  readonly value: T;
  /** The server's clock from its `Date` header (epoch ms), for clock-skew measurement. */
  readonly serverDate?: number;
}

/** Worth retrying later: no network, a cut connection, 408, 409 (still in flight), 429, 5xx. */
export interface TransientFailure {
  readonly kind: 'transient';
  /** Absent when no HTTP answer arrived at all (offline, connection cut, aborted). */
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** A stable code (`NETWORK`, `ABORTED`, the server's code) for reports and logs. */
  readonly cause: string;
}

/** 401/403: the device must enrol or sign in again; retrying cannot help. */
export interface AuthFailure {
  readonly kind: 'auth';
  readonly status: number;
}

/** Any other 4xx, or an answer that breaks the protocol (code `BAD_RESPONSE`). */
export interface PermanentFailure {
  readonly kind: 'permanent';
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export type CatalogResult = { readonly changed: false } | { readonly changed: true; readonly etag?: string; readonly catalog: unknown };

/**
 * The province's side of sync protocol v1 (DESIGN §3), as the engine sees it. The HTTP
 * implementation is `createHttpTransport`; tests pass an in-memory province.
 */
export interface Transport {
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
