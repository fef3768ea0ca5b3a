import type { IncomingMessage, ServerResponse } from 'node:http';
import { bytesSha256 } from '../hashing/sha256.ts';
import { caPageHtml } from './ca-page.ts';

export const CA_FILE_NAME = 'langso-ca.crt';

export interface CaSiteOptions {
  readonly caName: string;
  readonly certDer: Uint8Array;
  /** `''` on the plain-HTTP certificate port (page at `/`), `/ca` on the hub's HTTPS port. */
  readonly prefix: '' | '/ca';
  readonly hubUrls: readonly string[];
}

/** `AB:CD:…`: how certificate fingerprints are shown on phones and by openssl. */
export function fingerprintOf(der: Uint8Array): string {
  return bytesSha256(der).toUpperCase().match(/../g)?.join(':') ?? '';
}

/**
 * The CA certificate and its install page, and nothing else: answers the page and the file and
 * returns true; returns false for every other path (the caller answers 404 or hands it on).
 */
export function createCaSite(options: CaSiteOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const certPath = `${options.prefix}/${CA_FILE_NAME}`;
  const pagePaths = options.prefix === '' ? new Set(['/', '/index.html']) : new Set(['/ca', '/ca/']);
  const page = Buffer.from(
    caPageHtml({ caName: options.caName, fingerprint: fingerprintOf(options.certDer), certHref: certPath, hubUrls: options.hubUrls }),
    'utf8',
  );
  const cert = Buffer.from(options.certDer);

  return (req, res) => {
    const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const isPage = pagePaths.has(path);
    if (!isPage && path !== certPath) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-length': 0 });
      res.end();
      return true;
    }
    const body = isPage ? page : cert;
    res.writeHead(200, {
      // DER with this type is what Android's and iOS's installers recognise.
      'content-type': isPage ? 'text/html; charset=utf-8' : 'application/x-x509-ca-cert',
      ...(isPage ? {} : { 'content-disposition': `attachment; filename="${CA_FILE_NAME}"` }),
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/** The plain-HTTP certificate server's whole handler: the CA site, 404 for anything else. */
export function caOnlyHandler(site: (req: IncomingMessage, res: ServerResponse) => boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (site(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': 9, 'cache-control': 'no-store' });
    res.end('Not Found');
  };
}
