import { seededRandom } from '../shared/sync/helpers/seeded.ts';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A small TCP proxy of our own on loopback, for proving the sync promise under faults: it cuts
 * connections before the request, mid-request, mid-response and after the server committed
 * (the response has started but the client never sees it), on a seeded share of connections.
 * It can also shape the link (one-way latency and bandwidth) for the throttled benchmarks.
 * Cuts are drawn per connection: a client that keeps connections alive gets only the first
 * request of each one judged, so fault runs send `Connection: close` (one request each).
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
  /** Link rate in bits per second, per direction, shared by all connections; unlimited when absent. */
  readonly bitsPerSecond?: number;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  readonly stats: {
    connections: number;
    cuts: Record<CutKind, number>;
    /** Cuts by the HTTP method of the request they hit (unknown for cuts before the request). */
    cutsByMethod: Record<string, number>;
    bytesUp: number;
    bytesDown: number;
  };
  close(): Promise<void>;
}

export { seededRandom };

/** One direction of the shaped link: every connection's bytes queue on it, one after another. */
interface LinkDirection {
  busyUntil: number;
}

/**
 * Delivers chunks after a fixed delay and at a bounded rate, in order. The rate is the link's,
 * shared by every connection going the same way: two requests at once each get half of it, as
 * on a real phone's link. `readyAt` holds a new connection's first byte until its TCP handshake
 * (one round trip) is done. `whenDelivered` runs once every chunk written so far has reached the
 * other side.
 */
function shapedWriter(to: Socket, latencyMs: number, bitsPerSecond: number | undefined, link: LinkDirection, readyAt = 0) {
  let inFlight = 0;
  let waiting: (() => void) | undefined;
  const settle = (onWritten?: () => void): void => {
    onWritten?.();
    if (inFlight === 0 && waiting) {
      const next = waiting;
      waiting = undefined;
      next();
    }
  };
  const write = (chunk: Buffer, onWritten?: () => void): void => {
    if (latencyMs <= 0 && bitsPerSecond === undefined) {
      if (!to.destroyed) to.write(chunk);
      settle(onWritten);
      return;
    }
    const now = Date.now();
    const sendMs = bitsPerSecond ? (chunk.length * 8 * 1000) / bitsPerSecond : 0;
    const start = Math.max(now, readyAt, link.busyUntil);
    link.busyUntil = start + sendMs;
    inFlight += 1;
    setTimeout(() => {
      inFlight -= 1;
      if (!to.destroyed) to.write(chunk);
      settle(onWritten);
    }, link.busyUntil + latencyMs - now);
  };
  const whenDelivered = (then: () => void): void => {
    if (inFlight === 0) then();
    else waiting = then;
  };
  return { write, whenDelivered };
}

/**
 * Bytes of the whole request that starts this chunk (headers plus Content-Length), so a
 * mid-request cut lands inside the body of a big batch rather than always in its headers.
 */
function requestLength(first: Buffer): number {
  const end = first.indexOf('\r\n\r\n');
  if (end < 0) return first.length;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(first.subarray(0, end).toString('latin1'));
  return end + 4 + (length?.[1] === undefined ? 0 : Number(length[1]));
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed ?? 1);
  const cutRate = options.cutRate ?? 0;
  const latency = options.oneWayLatencyMs ?? 0;
  const stats = {
    connections: 0,
    cuts: { 'before-request': 0, 'mid-request': 0, 'mid-response': 0, 'after-commit': 0 } as Record<CutKind, number>,
    cutsByMethod: {} as Record<string, number>,
    bytesUp: 0,
    bytesDown: 0,
  };
  const sockets = new Set<Socket>();
  const link = { up: { busyUntil: 0 }, down: { busyUntil: 0 } };

  const server: Server = createServer((client) => {
    stats.connections += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const cut: CutKind | undefined = random() < cutRate ? CUT_KINDS[Math.floor(random() * CUT_KINDS.length)] : undefined;
    // Where the cut lands: a share of the request (mid-request) or of the first answer chunk.
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
      // The server closed (Connection: close): the client still gets what is on the link.
      down.whenDelivered(() => client.destroy());
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    const shaped = latency > 0 || options.bitsPerSecond !== undefined;
    const up = shapedWriter(upstream, latency, options.bitsPerSecond, link.up, shaped ? Date.now() + 2 * latency : 0).write;
    const down = shapedWriter(client, latency, options.bitsPerSecond, link.down);
    let cutDone = false;
    let method: string | undefined;
    const cutNow = () => {
      if (cutDone || !cut) return;
      cutDone = true;
      stats.cuts[cut] += 1;
      if (method !== undefined) stats.cutsByMethod[method] = (stats.cutsByMethod[method] ?? 0) + 1;
      client.destroy();
      upstream.destroy();
    };

    // For a mid-request cut: how many bytes of the request get through before the cut.
    let cutAt: number | undefined;
    let forwarded = 0;
    client.on('data', (chunk: Buffer) => {
      stats.bytesUp += chunk.length;
      method ??= /^[A-Z]+/.exec(chunk.toString('latin1', 0, 8))?.[0];
      if (cut === 'mid-request' && !cutDone) {
        cutAt ??= Math.max(1, Math.floor(requestLength(chunk) * cutShare));
        if (forwarded + chunk.length >= cutAt) {
          up(chunk.subarray(0, cutAt - forwarded), cutNow);
          forwarded = cutAt;
          return;
        }
        forwarded += chunk.length;
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
        down.write(chunk.subarray(0, keep), cutNow);
        return;
      }
      down.write(chunk);
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
