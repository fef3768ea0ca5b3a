import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from '../../../cli/hub/static-site.ts';
import { closeServer, listen, type Listening } from '../../../cli/protocol-server/listen.ts';
import { HASHED_ASSET, writeTestPwa } from './hub-fixture.ts';

let dir: string;
let site: Listening;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'langso-hub-static-'));
  const { pwaDir } = writeTestPwa(dir);
  site = await listen(createStaticSite(pwaDir), '127.0.0.1', 0);
});

afterAll(async () => {
  await closeServer(site.server);
  rmSync(dir, { recursive: true, force: true });
});

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A request with its path exactly as written: fetch would resolve `..` before sending. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  const { hostname, port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the hub serves the built PWA (createStaticSite)', () => {
  it('serves index.html, the manifest and the service worker with their types, revalidated on every load', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body.toString()).toContain('<title>Làng số</title>');

    const manifest = await raw('/manifest.webmanifest');
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(manifest.headers['cache-control']).toBe('no-cache');

    const worker = await raw('/sw.js');
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.headers['x-content-type-options']).toBe('nosniff');

    expect((await raw('/icons/icon-192.png')).headers['content-type']).toBe('image/png');
  });

  it('lets browsers keep hashed assets for a year, and answers 304 to a matching ETag', async () => {
    const asset = await raw(`/${HASHED_ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(asset.headers['etag']);
    const again = await raw(`/${HASHED_ASSET}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('gzips text for a browser that accepts it', async () => {
    const zipped = await raw('/sw.js', { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toContain("self.addEventListener('install'");
  });

  it('answers app routes with index.html, and a missing file with 404', async () => {
    const route = await raw('/outbox');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<title>Làng số</title>');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect((await raw('/assets/missing-AbCd1234.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/link.txt',
    '/.env',
    '/index.html%00.png',
    '/%E0%A4%A',
  ])('refuses %s without revealing anything outside the site', async (path) => {
    const res = await raw(path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('SECRET');
  });

  it('refuses methods other than GET and HEAD, and gives HEAD no body', async () => {
    const post = await raw('/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
    const head = await raw('/sw.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });
});
