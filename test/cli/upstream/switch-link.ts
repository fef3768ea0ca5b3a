import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP link between the CLI and the sandbox that the test switches: `pass` forwards both ways;
 * `cut-after-commit` forwards every request but drops the connection as soon as the answer
 * starts, so the server has committed and the client never learns it — every try, the replays
 * too. Unlike the seeded fault proxy it judges every answer, not the first of each connection.
 */
export interface SwitchLink {
  readonly url: string;
  mode: 'pass' | 'cut-after-commit';
  /** Answers dropped so far. */
  readonly cuts: number;
  close(): Promise<void>;
}

export async function startSwitchLink(target: { readonly host: string; readonly port: number }): Promise<SwitchLink> {
  const sockets = new Set<Socket>();
  let cuts = 0;
  const link = {
    url: '',
    mode: 'pass' as SwitchLink['mode'],
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (link.mode === 'cut-after-commit') {
        cuts += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  link.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return link;
}
