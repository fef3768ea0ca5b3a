import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Listening {
  readonly server: Server;
  /** `http://host:port` (`https://` with TLS), the port the OS picked when 0 was asked. */
  readonly url: string;
}

/** A certificate chain and its private key, PEM (the LAN hub's, from its team's local CA). */
export interface TlsIdentity {
  readonly cert: string;
  readonly key: string;
}

/** Serves a request listener on host:port, over TLS when given one; rejects if the address cannot be used. */
export function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host: string,
  port: number,
  tls?: TlsIdentity,
): Promise<Listening> {
  const server: Server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, handler) : createServer(handler);
  // A slow or silent client must not hold a socket forever.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({ server, url: `${tls ? 'https' : 'http'}://${shownHost}:${address.port}` });
    });
  });
}

/** Stops accepting, ends idle keep-alive sockets, and resolves when every connection is gone. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Requests still running get a short grace period, then their sockets are closed.
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}
