import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Content-Encoding',
  'Idempotency-Key',
  'If-None-Match',
  'Accept-Language',
].join(', ');

/**
 * CORS for the configured web origins only (a PWA served from another origin, e.g. the public
 * one reaching a LAN hub). Private Network Access preflights are answered for those origins too.
 */
export function corsHeaders(req: IncomingMessage, origins: readonly string[]): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  if (!origin || !origins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'ETag, Retry-After, Idempotent-Replayed',
    vary: 'Origin',
  };
}

/** The answer to an OPTIONS preflight from an allowed origin, or undefined for anyone else. */
export function preflightHeaders(req: IncomingMessage, origins: readonly string[]): OutgoingHttpHeaders | undefined {
  const base = corsHeaders(req, origins);
  if (req.method !== 'OPTIONS' || !base['access-control-allow-origin']) return undefined;
  return {
    ...base,
    'access-control-allow-methods': 'GET, HEAD, POST, PUT',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
    ...(req.headers['access-control-request-private-network'] === 'true'
      ? { 'access-control-allow-private-network': 'true' }
      : {}),
  };
}
