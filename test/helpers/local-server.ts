import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * An HTTP server on 127.0.0.1, on a port it picks, for the tests of one file: started before
 * them, stopped after. `url()` is its origin once it listens.
 */
export function localServerForFile(handler: RequestListener): { readonly url: () => string } {
  let server: Server | undefined;
  let origin: string | undefined;
  beforeAll(async () => {
    const started = createServer(handler);
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
    server = started;
    origin = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
  return {
    url() {
      if (origin === undefined) throw new Error('the test server is not listening yet');
      return origin;
    },
  };
}
