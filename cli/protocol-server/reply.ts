import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/**
 * What a handler answers. JSON bodies are kept as the exact string sent, so an idempotent replay
 * can give the same bytes; `cut` drops the connection without answering (a fault knob).
 */
export type Reply =
  | { readonly kind: 'json'; readonly status: number; readonly body: string; readonly headers?: OutgoingHttpHeaders }
  | { readonly kind: 'empty'; readonly status: number; readonly headers?: OutgoingHttpHeaders }
  | { readonly kind: 'cut' };

export function json(status: number, value: unknown, headers?: OutgoingHttpHeaders): Reply {
  return jsonText(status, JSON.stringify(value), headers);
}

export function jsonText(status: number, body: string, headers?: OutgoingHttpHeaders): Reply {
  return headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };
}

export function empty(status: number, headers?: OutgoingHttpHeaders): Reply {
  return headers ? { kind: 'empty', status, headers } : { kind: 'empty', status };
}

/** Small answers are not worth the gzip header and CPU. */
const GZIP_MIN_BYTES = 1024;

export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  });
}

export function sendReply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (reply.kind === 'cut') {
    req.socket.destroy();
    return;
  }
  const headers: OutgoingHttpHeaders = { 'cache-control': 'no-store', ...reply.headers };
  if (reply.kind === 'empty') {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  let body: Buffer = Buffer.from(reply.body, 'utf8');
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['vary'] = 'Accept-Encoding';
  if (body.length > GZIP_MIN_BYTES && acceptsGzip(req)) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(reply.status, headers);
  // HEAD gets the headers of the answer, never its body.
  res.end(req.method === 'HEAD' ? undefined : body);
}
