import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A small TCP proxy of our own on loopback, for proving the sync promise under faults: it cuts
 * connections before the request, mid-request, mid-response and after the server committed
 * (the response has started but the client never sees it), on a seeded share of connections.
 * It can also shape the link (one-way latency and bandwidth) for the throttled benchmarks.
 */
export type CutKind = 'before-request' | 'mid-request' | 'mid-response' | 'after-commit';
export const CUT_KINDS: readonly CutKind[] = ['before-request', 'mid-request', 'mid-response', 'after-commit'];

export interface FaultProxyOptions {
  readonly target: { readonly host: string; readonly port: number };
  /** Share of connections that get cut, 0..1. */
  readonly cutRate?: number;
  readonly seed?: number;
  /** One-way delay added to every chunk in each direction (RTT = 2 × this). */
  readonly oneWayLatencyMs?: number;
  /** Link rate in bits per second, per direction; unlimited when absent. */
  readonly bitsPerSecond?: number;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  readonly stats: { connections: number; cuts: Record<CutKind, number>; bytesUp: number; bytesDown: number };
  close(): Promise<void>;
}

/** mulberry32: a tiny seeded PRNG, so every run with the same seed cuts the same way. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Delivers chunks after a fixed delay and at a bounded rate, in order. */
function shapedWriter(to: Socket, latencyMs: number, bitsPerSecond: number | undefined) {
  let lastDone = 0;
  return (chunk: Buffer, onWritten?: () => void) => {
    if (latencyMs <= 0 && bitsPerSecond === undefined) {
      if (!to.destroyed) to.write(chunk);
      onWritten?.();
      return;
    }
    const now = Date.now();
    const sendMs = bitsPerSecond ? (chunk.length * 8 * 1000) / bitsPerSecond : 0;
    const start = Math.max(now, lastDone);
    lastDone = start + sendMs;
    const at = lastDone + latencyMs;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
      onWritten?.();
    }, at - now);
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed ?? 1);
  const cutRate = options.cutRate ?? 0;
  const latency = options.oneWayLatencyMs ?? 0;
  const stats = {
    connections: 0,
    cuts: { 'before-request': 0, 'mid-request': 0, 'mid-response': 0, 'after-commit': 0 } as Record<CutKind, number>,
    bytesUp: 0,
    bytesDown: 0,
  };
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    stats.connections += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const cut: CutKind | undefined = random() < cutRate ? CUT_KINDS[Math.floor(random() * CUT_KINDS.length)] : undefined;
    // Where in the stream the cut lands, as a share of the first chunk.
    const cutShare = random();
    if (cut === 'before-request') {
      stats.cuts[cut] += 1;
      client.destroy();
      return;
    }
    const upstream = connect(options.target.port, options.target.host);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    const up = shapedWriter(upstream, latency, options.bitsPerSecond);
    const down = shapedWriter(client, latency, options.bitsPerSecond);
    let cutDone = false;
    const cutNow = () => {
      if (cutDone || !cut) return;
      cutDone = true;
      stats.cuts[cut] += 1;
      client.destroy();
      upstream.destroy();
    };

    client.on('data', (chunk: Buffer) => {
      stats.bytesUp += chunk.length;
      if (cut === 'mid-request' && !cutDone) {
        const keep = Math.floor(chunk.length * cutShare);
        up(chunk.subarray(0, keep), cutNow);
        return;
      }
      up(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (cut === 'after-commit') {
        // The server answered, so it has committed; the client never learns the outcome.
        cutNow();
        return;
      }
      stats.bytesDown += chunk.length;
      if (cut === 'mid-response' && !cutDone) {
        const keep = Math.max(1, Math.floor(chunk.length * cutShare));
        down(chunk.subarray(0, keep), cutNow);
        return;
      }
      down(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
