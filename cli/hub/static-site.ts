import { realpathSync, type Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { acceptsGzip } from '../protocol-server/reply.ts';
import { etagMatches } from '../protocol-server/catalog.ts';
import { contentTypeOf, isCompressible } from './mime.ts';
import { isAppRoute, isHashedAsset, sitePath } from './site-path.ts';

/** Files above this are not kept in memory (a built PWA has none). */
const MAX_CACHED_BYTES = 4 * 1024 * 1024;
const GZIP_MIN_BYTES = 1024;

interface Loaded {
  readonly key: string;
  readonly body: Buffer;
  readonly gzipped: Buffer | undefined;
}

/**
 * Serves a built PWA (`dist/pwa`): GET and HEAD only, the right types (the manifest, the service
 * worker), `no-cache` on everything that must be revalidated so an update reaches the phone —
 * index.html, sw.js, the manifest — and a year on hashed assets; `index.html` for app routes;
 * nothing outside the folder.
 */
export function createStaticSite(folder: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = realpathSync(folder);
  const cache = new Map<string, Loaded>();

  const load = async (file: string, info: Stats): Promise<Loaded> => {
    const key = `${info.size}-${Math.floor(info.mtimeMs)}`;
    const cached = cache.get(file);
    if (cached?.key === key) return cached;
    const body = await readFile(file);
    const gzipped = isCompressible(file) && body.length >= GZIP_MIN_BYTES ? gzipSync(body) : undefined;
    const loaded = { key, body, gzipped };
    if (body.length <= MAX_CACHED_BYTES) cache.set(file, loaded);
    return loaded;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    }
    const path = sitePath(root, req.url ?? '/');
    if (path.kind === 'bad') return plain(res, 404, 'Not Found');
    const found = (await existingFile(root, path.file)) ?? (isAppRoute(path.segments) ? await existingFile(root, join(root, 'index.html')) : undefined);
    if (!found) return plain(res, 404, 'Not Found');

    const loaded = await load(found.file, found.info);
    const etag = `"${loaded.key}"`;
    const headers: OutgoingHttpHeaders = {
      'content-type': contentTypeOf(found.file),
      'cache-control': isHashedAsset(path.segments) && found.file === path.file ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      'last-modified': found.info.mtime.toUTCString(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      vary: 'Accept-Encoding',
    };
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    let body = loaded.body;
    if (loaded.gzipped && acceptsGzip(req)) {
      body = loaded.gzipped;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  return (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };
}

/** The file if it exists, is a regular file, and really lives under root (symbolic links too). */
async function existingFile(root: string, file: string): Promise<{ file: string; info: Stats } | undefined> {
  try {
    const real = await realpath(file);
    if (!real.startsWith(root + sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? { file, info } : undefined;
  } catch {
    return undefined;
  }
}

function plain(res: ServerResponse, status: number, text: string, extra: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
}
