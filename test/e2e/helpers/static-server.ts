import { readFile, stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

export interface StaticServer {
  readonly url: string;
  /** Serves another build from now on (an app update). */
  setRoot(dir: string): void;
  /** Sends /v1/* to this origin (the sandbox), as the hub does for phones on its Wi-Fi. */
  setApi(origin: string | undefined): void;
  close(): Promise<void>;
}

/**
 * The built PWA on 127.0.0.1 (a secure context: service workers work), with /v1 proxied to a
 * sync server so the app talks to one origin.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  let dir = root;
  let api: string | undefined;

  const proxy = (req: IncomingMessage, res: ServerResponse, target: string) => {
    const url = new URL(req.url ?? '/', target);
    const upstream = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"code":"UNAVAILABLE","message":"upstream down"}');
    });
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/v1/')) {
      if (api) return proxy(req, res, api);
      res.writeHead(503, { 'content-type': 'application/json' });
      return res.end('{"code":"UNAVAILABLE","message":"no api"}');
    }
    void (async () => {
      const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
      let file = join(dir, safe);
      const info = await stat(file).catch(() => undefined);
      if (!info || info.isDirectory()) file = join(dir, 'index.html');
      try {
        const body = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        // Text is sent gzipped, as any real host does; the service worker script (like every file
        // here) is revalidated on each check.
        const gzip = /gzip/.test(String(req.headers['accept-encoding'] ?? '')) && !type.startsWith('image/');
        res.writeHead(200, {
          'content-type': type,
          'cache-control': 'no-cache',
          ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        });
        res.end(gzip ? gzipSync(body) : body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRoot(next) {
      dir = next;
    },
    setApi(origin) {
      api = origin;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
