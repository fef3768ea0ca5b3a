import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES } from '../../../shared/sync/protocol.ts';
import { referenceCatalog } from '../../../cli/protocol-server/reference-catalog.ts';
import { batchOf, errorOf, postBatch, startTestServer, wireRecord, type Device, type TestServer } from './harness.ts';

let server: TestServer;
let device: Device;
beforeAll(async () => {
  server = await startTestServer({ catalog: referenceCatalog() });
  device = await server.enrol();
});
afterAll(async () => {
  await server.dispose();
});

async function stillServes(): Promise<void> {
  const res = await fetch(`${server.url}/v1/updates`, { headers: { authorization: `Bearer ${device.token}` } });
  expect(res.status).toBe(200);
}

/** A raw request, so the test controls every header and byte (fetch would add its own). */
function rawPost(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('body limits and gzip', () => {
  it('answers a gzip bomb with 413 BODY_TOO_LARGE and keeps serving', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_BATCH_BYTES / 50);
    const res = await rawPost(
      '/v1/batches',
      { authorization: `Bearer ${device.token}`, 'idempotency-key': 'k', 'content-encoding': 'gzip' },
      bomb,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'BODY_TOO_LARGE' });
    await stillServes();
  });

  it('answers a plain body over 10 MB with 413 BODY_TOO_LARGE and keeps serving', async () => {
    const big = Buffer.alloc(MAX_BATCH_BYTES + 1, 0x20);
    const res = await rawPost('/v1/batches', { authorization: `Bearer ${device.token}`, 'idempotency-key': 'k' }, big);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'BODY_TOO_LARGE' });
    await stillServes();
  });

  it('accepts a gzip request body', async () => {
    const batch = batchOf(device, [await wireRecord('resident')]);
    const res = await rawPost(
      '/v1/batches',
      {
        authorization: `Bearer ${device.token}`,
        'idempotency-key': batch.batchId,
        'content-encoding': 'gzip',
        'content-type': 'application/json',
      },
      gzipSync(JSON.stringify(batch)),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ receipts: [{ status: 'accepted' }] });
  });

  it('answers a corrupt gzip body with 400 BAD_REQUEST and an unknown encoding with 415', async () => {
    const headers = { authorization: `Bearer ${device.token}`, 'idempotency-key': 'k' };
    const corrupt = await rawPost('/v1/batches', { ...headers, 'content-encoding': 'gzip' }, Buffer.from('not gzip at all'));
    expect(corrupt.status).toBe(400);
    expect(JSON.parse(corrupt.body)).toMatchObject({ code: 'BAD_REQUEST' });
    const brotli = await rawPost('/v1/batches', { ...headers, 'content-encoding': 'br' }, Buffer.from('{}'));
    expect(brotli.status).toBe(415);
    expect(JSON.parse(brotli.body)).toMatchObject({ code: 'BAD_REQUEST' });
    await stillServes();
  });

  it('gzips answers over 1 KB for clients that accept gzip, and not for others', async () => {
    const auth = { authorization: `Bearer ${device.token}` };
    const zipped = await fetch(`${server.url}/v1/catalog`, { headers: { ...auth, 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(((await zipped.json()) as { communes: unknown[] }).communes).toHaveLength(64);
    const plain = await fetch(`${server.url}/v1/catalog`, { headers: { ...auth, 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    await plain.arrayBuffer();
  });
});

describe('routing and errors', () => {
  it('answers an unknown route with 404 NOT_FOUND and a wrong method with 405 and Allow', async () => {
    expect(await errorOf(await fetch(`${server.url}/v2/batches`))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const wrong = await fetch(`${server.url}/v1/batches`, { method: 'GET' });
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await errorOf(wrong)).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  });

  it('answers bad JSON in a batch with 400 BAD_JSON and keeps serving', async () => {
    const res = await postBatch(server.url, device, '{"protocol": 1, "records": [', { key: 'k' });
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'BAD_JSON' });
    const notUtf8 = await rawPost('/v1/batches', { authorization: `Bearer ${device.token}`, 'idempotency-key': 'k' }, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(JSON.parse(notUtf8.body)).toMatchObject({ code: 'BAD_JSON' });
    await stillServes();
  });

  it('speaks the language the client asks for in messages, Vietnamese by default', async () => {
    const vi = await errorOf(await fetch(`${server.url}/v1/updates`));
    const en = await errorOf(await fetch(`${server.url}/v1/updates`, { headers: { 'accept-language': 'en-GB,en;q=0.8' } }));
    expect(vi.code).toBe(en.code);
    expect(vi.message).toContain('mã truy cập');
    expect(en.message).toContain('access token');
  });
});

describe('fault knobs and CORS', () => {
  it('answers 503 UNAVAILABLE with Retry-After before doing anything when --fail-rate is 1', async () => {
    const failing = await startTestServer({ policy: { failRate: 1, retryAfterSeconds: 2 } });
    try {
      const res = await fetch(`${failing.url}/v1/devices`, { method: 'POST', body: '{"code":"AAAA-AAAA"}' });
      expect(res.headers.get('retry-after')).toBe('2');
      expect(await errorOf(res)).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    } finally {
      await failing.dispose();
    }
  });

  it('fails the same requests for the same seed', async () => {
    const pattern = async (): Promise<number[]> => {
      const s = await startTestServer({ policy: { failRate: 0.5, seed: 42 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i += 1) statuses.push((await fetch(`${s.url}/v1/nothing`)).status);
        return statuses;
      } finally {
        await s.dispose();
      }
    };
    const first = await pattern();
    expect(first).toContain(503);
    expect(first).toContain(404);
    expect(await pattern()).toEqual(first);
  });

  it('answers CORS and Private Network Access preflights for the configured origin only', async () => {
    const origin = 'http://127.0.0.1:5173';
    const hub = await startTestServer({ policy: { corsOrigins: [origin] } });
    try {
      const preflight = await fetch(`${hub.url}/v1/batches`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
      expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');

      const stranger = await fetch(`${hub.url}/v1/batches`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
      expect(stranger.status).toBe(405);
      const simple = await fetch(`${hub.url}/v1/updates`, { headers: { origin } });
      expect(simple.headers.get('access-control-allow-origin')).toBe(origin);
      await simple.arrayBuffer();
    } finally {
      await hub.dispose();
    }
  });
});
