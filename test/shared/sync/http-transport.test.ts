import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport, type HttpTransportOptions } from '../../../shared/sync/http-transport.ts';
import { PROTOCOL_VERSION, type BatchRequest } from '../../../shared/sync/protocol.ts';
import { makeEntries, testIds } from './helpers/entries.ts';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen.length = 0;
});

function reply(status: number, body?: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  };
}

function transport(options: Partial<HttpTransportOptions> = {}) {
  return createHttpTransport({ baseUrl, token: 'tok-123', fetch, ...options });
}

async function batch(count = 3): Promise<BatchRequest> {
  const records = (await makeEntries(count, testIds(21))).map((entry) => entry.record);
  return { protocol: PROTOCOL_VERSION, batchId: testIds(22).next(), deviceId: 'device-1', records };
}

describe('HTTP transport', () => {
  it('posts a batch as JSON with the bearer token and the Idempotency-Key, and parses the receipts', async () => {
    const request = await batch();
    handler = reply(200, { batchId: request.batchId, receipts: [{ id: request.records[0]?.id, rev: 1, status: 'accepted' }] }, { date: 'Sun, 01 Mar 2026 08:00:00 GMT' });
    const result = await transport().postBatch(request, request.batchId);
    expect(result).toEqual({
      ok: true,
      value: { batchId: request.batchId, receipts: [{ id: request.records[0]?.id, rev: 1, status: 'accepted' }] },
      serverDate: Date.UTC(2026, 2, 1, 8),
    });
    const [post] = seen;
    expect(post).toMatchObject({ method: 'POST', url: '/v1/batches' });
    expect(post?.headers).toMatchObject({ authorization: 'Bearer tok-123', 'idempotency-key': request.batchId, 'content-type': 'application/json' });
    expect(JSON.parse(post?.body.toString() ?? '')).toEqual(request);
  });

  it('gzips a batch body through the injected compressor and says so', async () => {
    const request = await batch(20);
    handler = reply(200, { batchId: request.batchId, receipts: [] });
    await transport({ gzip: async (bytes) => gzipSync(bytes) }).postBatch(request, request.batchId);
    const [post] = seen;
    expect(post?.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(post?.body ?? Buffer.alloc(0)).toString())).toEqual(request);
  });

  it('sends a small body plain even with a compressor', async () => {
    const request = await batch(1);
    handler = reply(200, { batchId: request.batchId, receipts: [] });
    await transport({ gzip: async (bytes) => gzipSync(bytes), gzipMinBytes: 100_000 }).postBatch(request, request.batchId);
    expect(seen[0]?.headers['content-encoding']).toBeUndefined();
  });

  it('reads 503 with Retry-After seconds as transient, with the server’s code', async () => {
    handler = reply(503, { code: 'UNAVAILABLE', message: 'busy' }, { 'retry-after': '5' });
    const request = await batch(1);
    expect(await transport().postBatch(request, request.batchId)).toEqual({ ok: false, class: 'transient', status: 503, retryAfterMs: 5_000, code: 'UNAVAILABLE', params: { status: 503 } });
  });

  it('measures a Retry-After date from the server’s Date header, not the device clock', async () => {
    handler = reply(429, { code: 'RATE_LIMITED', message: 'slow down' }, {
      date: 'Sun, 01 Mar 2026 08:00:00 GMT',
      'retry-after': 'Sun, 01 Mar 2026 08:00:30 GMT',
    });
    const request = await batch(1);
    const wrongClock = () => Date.UTC(2031, 0, 1);
    expect(await transport({ clock: wrongClock }).postBatch(request, request.batchId)).toMatchObject({ ok: false, class: 'transient', retryAfterMs: 30_000, params: {} });
  });

  it('reads 401 and 403 as auth failures', async () => {
    handler = reply(401, { code: 'UNAUTHORIZED', message: 'no' });
    expect(await transport().getUpdates(undefined)).toEqual({ ok: false, class: 'auth', status: 401, code: 'UNAUTHORIZED', params: { status: 401 } });
    handler = reply(403, { code: 'FORBIDDEN', message: 'no' });
    expect(await transport().getUpdates(undefined)).toEqual({ ok: false, class: 'auth', status: 403, code: 'FORBIDDEN', params: { status: 403 } });
  });

  it('reads 422 as permanent, with the code and message of the error body', async () => {
    handler = reply(422, { code: 'IDEMPOTENCY_KEY_REUSED', message: 'another body' });
    const request = await batch(1);
    expect(await transport().postBatch(request, request.batchId)).toEqual({
      ok: false,
      class: 'permanent',
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      params: { status: 422 },
      message: 'another body',
    });
  });

  it('turns a success body that is not JSON into BAD_RESPONSE, never a crash', async () => {
    handler = reply(200, '<html>captive portal</html>', { 'content-type': 'text/html' });
    const request = await batch(1);
    expect(await transport().postBatch(request, request.batchId)).toMatchObject({ ok: false, class: 'permanent', status: 200, code: 'BAD_RESPONSE', params: { status: 200 } });
  });

  it('turns a success body of the wrong shape into BAD_RESPONSE naming the field', async () => {
    handler = reply(200, { batchId: 'x', receipts: [{ id: 'a', rev: 1, status: 'maybe' }] });
    const request = await batch(1);
    const result = await transport().postBatch(request, request.batchId);
    expect(result).toMatchObject({ ok: false, class: 'permanent', code: 'BAD_RESPONSE', params: {} });
    expect(!result.ok && result.class === 'permanent' && result.message).toContain('receipts.0.status');
  });

  it('reads a connection cut before the answer as transient', async () => {
    handler = (req) => req.socket.destroy();
    expect(await transport().getUpdates(undefined)).toMatchObject({ ok: false, class: 'transient', code: 'SYNC_NETWORK', params: { reason: 'UND_ERR_SOCKET' } });
  });

  it('reads a connection cut mid-answer as transient', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"updates":[');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    expect(await transport().getUpdates(undefined)).toMatchObject({ ok: false, class: 'transient', code: 'SYNC_NETWORK' });
  });

  it('gives up on a server that never answers as transient TIMEOUT', async () => {
    handler = () => {};
    expect(await transport({ timeoutMs: 200 }).getUpdates(undefined)).toEqual({ ok: false, class: 'transient', code: 'TIMEOUT', params: {} });
  });

  it('stops when the caller aborts, and says ABORTED', async () => {
    const controller = new AbortController();
    // Abort once the server holds the request, so it never lands in the next test's log.
    handler = () => controller.abort();
    const pending = transport().getUpdates(undefined, controller.signal);
    expect(await pending).toEqual({ ok: false, class: 'transient', code: 'ABORTED', params: {} });
  });

  it('asks HEAD for an attachment: 200 present, 404 absent', async () => {
    const sha = 'f'.repeat(64);
    handler = reply(200);
    expect(await transport().headAttachment(sha)).toMatchObject({ ok: true, value: { present: true } });
    handler = reply(404);
    expect(await transport().headAttachment(sha)).toMatchObject({ ok: true, value: { present: false } });
    expect(seen.map((request) => [request.method, request.url])).toEqual([
      ['HEAD', `/v1/attachments/${sha}`],
      ['HEAD', `/v1/attachments/${sha}`],
    ]);
  });

  it('PUTs attachment bytes as they are', async () => {
    const bytes = new Uint8Array([0, 255, 1, 254]);
    handler = reply(201);
    expect(await transport().putAttachment('f'.repeat(64), bytes)).toMatchObject({ ok: true, value: null });
    expect(seen[0]?.headers['content-type']).toBe('application/octet-stream');
    expect(new Uint8Array(seen[0]?.body ?? [])).toEqual(bytes);
  });

  it('asks for updates since the cursor and validates the page', async () => {
    handler = reply(200, { updates: [], cursor: 'c 2', more: false });
    expect(await transport().getUpdates('c 1')).toMatchObject({ ok: true, value: { updates: [], cursor: 'c 2', more: false } });
    expect(seen[0]?.url).toBe('/v1/updates?since=c%201');
  });

  it('gets the catalog with If-None-Match, and reads 304 as unchanged', async () => {
    handler = reply(200, { procedures: [] }, { etag: '"v7"' });
    expect(await transport().getCatalog(undefined)).toMatchObject({ ok: true, value: { changed: true, etag: '"v7"', catalog: { procedures: [] } } });
    handler = reply(304);
    expect(await transport().getCatalog('"v7"')).toMatchObject({ ok: true, value: { changed: false } });
    expect(seen[1]?.headers['if-none-match']).toBe('"v7"');
  });

  it('sends no Authorization header before enrolment, and the current token after', async () => {
    let token: string | undefined;
    handler = reply(200, { updates: [], cursor: '0', more: false });
    const t = transport({ token: () => token });
    await t.getUpdates(undefined);
    token = 'fresh';
    await t.getUpdates(undefined);
    expect(seen.map((request) => request.headers.authorization)).toEqual([undefined, 'Bearer fresh']);
  });

  it('reports a fetch that throws (DNS, refused) as transient', async () => {
    const t = createHttpTransport({ baseUrl, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await t.headAttachment('f'.repeat(64))).toEqual({ ok: false, class: 'transient', code: 'SYNC_NETWORK', params: {} });
  });
});

describe('HTTP transport: enrolment', () => {
  const enrolment = { code: 'GOOD-CODE', deviceName: 'Nguyễn Thử' };

  it('posts the team code without a token and parses the device, token and team', async () => {
    const answer = { deviceId: 'd1', token: 't1', teamId: 'team1', serverTime: '2026-03-01T08:00:00.000Z' };
    handler = reply(201, answer);
    expect(await createHttpTransport({ baseUrl, fetch }).enrol(enrolment)).toMatchObject({ ok: true, value: answer });
    const [post] = seen;
    expect(post).toMatchObject({ method: 'POST', url: '/v1/devices' });
    expect(post?.headers['authorization']).toBeUndefined();
    expect(JSON.parse(post?.body.toString() ?? '')).toEqual(enrolment);
  });

  it('reads a refused code (403) as the code’s refusal, never as "sign in again"', async () => {
    handler = reply(403, { code: 'ENROL_CODE_INVALID', message: 'code used' });
    expect(await transport().enrol(enrolment)).toEqual({
      ok: false,
      class: 'permanent',
      status: 403,
      code: 'ENROL_CODE_INVALID',
      params: { status: 403 },
      message: 'code used',
    });
  });

  it('does not trust an answer that breaks the protocol', async () => {
    handler = reply(201, { device: 'd1' });
    expect(await transport().enrol(enrolment)).toMatchObject({ ok: false, class: 'permanent', code: 'BAD_RESPONSE' });
  });

  it('keeps a busy server transient, with its Retry-After', async () => {
    handler = reply(503, { code: 'UNAVAILABLE', message: 'busy' }, { 'retry-after': '4' });
    expect(await transport().enrol(enrolment)).toMatchObject({ ok: false, class: 'transient', code: 'UNAVAILABLE', retryAfterMs: 4_000 });
  });

  it('says SYNC_NETWORK when nothing answers, with the socket’s reason', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nobody = createHttpTransport({ baseUrl: `http://127.0.0.1:${port}`, fetch });
    expect(await nobody.enrol(enrolment)).toEqual({ ok: false, class: 'transient', code: 'SYNC_NETWORK', params: { reason: 'ECONNREFUSED' } });
  });
});
