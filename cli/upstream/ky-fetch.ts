import ky from 'ky';
import type { FetchLike } from '../../shared/sync/http-transport.ts';

/**
 * ky as the sync transport's `fetch`. ky's own retries and timeout are off: the shared engine
 * retries with backoff and the same Idempotency-Key (docs/PROTOCOL.md), and the transport's deadline
 * covers the whole request, body included, where ky's would cover only the headers. HTTP errors
 * come back as answers, because the transport classifies them (transient, auth, permanent).
 */
const client = ky.create({ retry: 0, timeout: false, throwHttpErrors: false });

export const kyFetch: FetchLike = (url, init) =>
  client(url, {
    method: init.method,
    headers: init.headers,
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
