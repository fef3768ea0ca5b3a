import * as v from 'valibot';
import { withDeadline } from './deadline.ts';
import { badResponse, networkFailure, refusal, transientFailure } from './errors.ts';
import { failureDetails, failureOf, readJson, withServerDate, type ResponseLike } from './http-response.ts';
import { BatchResponseSchema, EnrolResponseSchema, UpdatesResponseSchema } from './protocol.ts';
import type { CatalogResult, Transport, TransportFailure, TransportResult } from './transport.ts';

export interface RequestInitLike {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: Uint8Array<ArrayBuffer> | string;
  readonly signal?: AbortSignal;
}

/**
 * A `fetch`-compatible function: the browser's or Node's `fetch` as is, or ky with
 * `throwHttpErrors: false` and `retry: 0` (the engine does the retrying).
 */
export type FetchLike = (url: string, init: RequestInitLike) => Promise<ResponseLike>;

export interface HttpTransportOptions {
  /** Origin of the province, hub or sandbox, e.g. `https://hub.local:8443` (without `/v1`). */
  readonly baseUrl: string;
  /** Bearer token of the enrolled device; a function when it can change after enrolment. */
  readonly token?: string | (() => string | undefined);
  readonly fetch: FetchLike;
  /** Compresses batch bodies (CompressionStream in browsers, zlib in Node). */
  readonly gzip?: (bytes: Uint8Array) => Promise<Uint8Array>;
  /** Smaller bodies go plain: on tiny bodies gzip costs more than it saves. Default 1 KiB. */
  readonly gzipMinBytes?: number;
  /** A request (body included) that takes longer is abandoned as transient. Default 120 s. */
  readonly timeoutMs?: number;
  /** Fallback clock for `Retry-After` dates when the server sent no `Date` header. */
  readonly clock?: () => number;
}

const JSON_TYPE = 'application/json';
type Handle<T> = (response: ResponseLike, signal: AbortSignal) => Promise<TransportResult<T>>;

/** Sync protocol v1 over HTTP (docs/PROTOCOL.md). Never throws: every outcome is a TransportResult. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const now = options.clock ?? Date.now;
  const gzipMinBytes = options.gzipMinBytes ?? 1024;
  const timeoutMs = options.timeoutMs ?? 120_000;

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    const token = typeof options.token === 'function' ? options.token() : options.token;
    const auth: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
    return { accept: JSON_TYPE, ...auth, ...extra };
  }

  async function request<T>(path: string, init: Omit<RequestInitLike, 'signal'>, outer: AbortSignal | undefined, handle: Handle<T>): Promise<TransportResult<T>> {
    const { value, timedOut } = await withDeadline(timeoutMs, outer, async (signal): Promise<TransportResult<T>> => {
      let response: ResponseLike;
      try {
        response = await options.fetch(`${base}${path}`, { ...init, signal });
      } catch (error) {
        return networkFailure(signal.aborted, error);
      }
      return handle(response, signal);
    });
    if (timedOut && !value.ok && value.class === 'transient' && value.status === undefined) return transientFailure('TIMEOUT');
    return value;
  }

  const failure = (response: ResponseLike, signal: AbortSignal): Promise<TransportFailure> => failureOf(response, now, signal);

  return {
    enrol(enrolment, signal) {
      const init = { method: 'POST', headers: headers({ 'content-type': JSON_TYPE }), body: JSON.stringify(enrolment) };
      return request('/v1/devices', init, signal, async (response, inner) => {
        if (isSuccess(response.status)) return readJson(response, EnrolResponseSchema, inner);
        // A wrong or used code is 403 on the wire, but no sign-in helps: it is the code's refusal.
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          const details = await failureDetails(response, now, inner);
          return 'ok' in details ? details : refusal(response.status, details);
        }
        return failure(response, inner);
      });
    },

    headAttachment(sha256, signal) {
      type Head = { readonly present: boolean };
      return request<Head>(`/v1/attachments/${encodeURIComponent(sha256)}`, { method: 'HEAD', headers: headers() }, signal, async (response, inner) => {
        if (response.status === 200 || response.status === 204) return withServerDate({ ok: true, value: { present: true } }, response);
        if (response.status === 404) return withServerDate({ ok: true, value: { present: false } }, response);
        return failure(response, inner);
      });
    },

    putAttachment(sha256, bytes, signal) {
      const init = { method: 'PUT', headers: headers({ 'content-type': 'application/octet-stream' }), body: ownBuffer(bytes) };
      return request(`/v1/attachments/${encodeURIComponent(sha256)}`, init, signal, async (response, inner) =>
        isSuccess(response.status) ? withServerDate({ ok: true, value: null }, response) : failure(response, inner),
      );
    },

    async postBatch(batch, idempotencyKey, signal) {
      const json = new TextEncoder().encode(JSON.stringify(batch));
      const extra: Record<string, string> = { 'content-type': JSON_TYPE, 'idempotency-key': idempotencyKey };
      let body = ownBuffer(json);
      if (options.gzip !== undefined && json.byteLength >= gzipMinBytes) {
        body = ownBuffer(await options.gzip(json));
        extra['content-encoding'] = 'gzip';
      }
      return request('/v1/batches', { method: 'POST', headers: headers(extra), body }, signal, async (response, inner) =>
        isSuccess(response.status) ? readJson(response, BatchResponseSchema, inner) : failure(response, inner),
      );
    },

    getUpdates(cursor, signal) {
      const query = cursor === undefined ? '' : `?since=${encodeURIComponent(cursor)}`;
      return request(`/v1/updates${query}`, { method: 'GET', headers: headers() }, signal, async (response, inner) =>
        isSuccess(response.status) ? readJson(response, UpdatesResponseSchema, inner) : failure(response, inner),
      );
    },

    getCatalog(etag, signal) {
      const extra: Record<string, string> = etag === undefined ? {} : { 'if-none-match': etag };
      return request('/v1/catalog', { method: 'GET', headers: headers(extra) }, signal, async (response, inner): Promise<TransportResult<CatalogResult>> => {
        if (response.status === 304) return withServerDate({ ok: true, value: { changed: false } }, response);
        if (!isSuccess(response.status)) return failure(response, inner);
        const body = await readJson(response, v.unknown(), inner);
        if (!body.ok) return body;
        if (body.value === null || typeof body.value !== 'object') return badResponse(response.status, 'catalog is not a JSON object');
        const newEtag = response.headers.get('etag');
        const value: CatalogResult = newEtag === null ? { changed: true, catalog: body.value } : { changed: true, etag: newEtag, catalog: body.value };
        return withServerDate({ ok: true, value }, response);
      });
    },
  };
}

/** The same bytes typed as fetch bodies want them; copied only if they sit in a SharedArrayBuffer. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
