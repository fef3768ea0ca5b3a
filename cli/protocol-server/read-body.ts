import type { IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';
import { ClientGoneError, HttpError } from './http-error.ts';

/**
 * Reads a request body up to `limit` bytes *after* decompression. Gzip is inflated as a stream
 * and counted as it comes, so a gzip bomb is stopped at the limit (413) without ever being held
 * in memory whole.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const gzip = encoding === 'gzip' || encoding === 'x-gzip';
  if (!gzip && encoding !== 'identity' && encoding !== '') {
    return Promise.reject(
      new HttpError(415, 'BAD_REQUEST', { field: 'Content-Encoding', reason: `${encoding} (gzip | identity)` }),
    );
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge(limit));
  }

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const gunzip = gzip ? createGunzip() : undefined;
    const source: NodeJS.ReadableStream = gunzip ?? req;

    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      if (error) {
        if (gunzip) {
          req.unpipe(gunzip);
          gunzip.destroy();
        }
        // Let the rest of the upload drain so the answer can still reach the client.
        req.resume();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    };

    source.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) settle(tooLarge(limit));
      else chunks.push(chunk);
    });
    source.on('end', () => settle());
    if (gunzip) {
      gunzip.on('error', () =>
        settle(new HttpError(400, 'BAD_REQUEST', { field: 'Content-Encoding', reason: 'gzip body is corrupt' })),
      );
      req.pipe(gunzip);
    }
    req.on('error', (error) => settle(new ClientGoneError(error.message)));
    req.on('close', () => {
      if (!req.complete) settle(new ClientGoneError('request aborted'));
    });
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'BODY_TOO_LARGE', { limit }, { connection: 'close' });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as JSON; bad UTF-8 or bad JSON is a 400 BAD_JSON. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(body));
  } catch {
    throw new HttpError(400, 'BAD_JSON');
  }
}
