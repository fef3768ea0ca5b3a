import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/sync/canonical.ts';
import { errorOf, putAttachment, startTestServer, type Device, type TestServer } from './harness.ts';

let server: TestServer;
let device: Device;
beforeAll(async () => {
  server = await startTestServer({ policy: { maxAttachmentBytes: 64 * 1024 } });
  device = await server.enrol();
});
afterAll(async () => {
  await server.dispose();
});

function head(sha256: string, token = device.token): Promise<Response> {
  return fetch(`${server.url}/v1/attachments/${sha256}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
}

describe('HEAD and PUT /v1/attachments/{sha256}', () => {
  it('stores bytes under their hash once: 404, 201, then 200 on HEAD and on a repeated PUT', async () => {
    const bytes = new TextEncoder().encode('synthetic portrait JPEG 1');
    const sha256 = await sha256Hex(bytes);
    expect((await head(sha256)).status).toBe(404);
    const created = await putAttachment(server.url, device, bytes);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ sha256, size: bytes.length });
    const found = await head(sha256);
    expect(found.status).toBe(200);
    expect(found.headers.get('x-attachment-size')).toBe(String(bytes.length));
    expect((await putAttachment(server.url, device, bytes)).status).toBe(200);
    const rows = server.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM attachments WHERE sha256 = ?').get(sha256);
    expect(rows?.n).toBe(1);
  });

  it('refuses bytes that do not hash to the name with 400 HASH_MISMATCH and stores nothing', async () => {
    const bytes = new TextEncoder().encode('synthetic portrait JPEG 2');
    const claimed = await sha256Hex(new TextEncoder().encode('something else'));
    expect(await errorOf(await putAttachment(server.url, device, bytes, claimed))).toMatchObject({ status: 400, code: 'HASH_MISMATCH' });
    expect((await head(claimed)).status).toBe(404);
  });

  it('refuses a name that is not a SHA-256 with 400 BAD_REQUEST naming sha256', async () => {
    const error = await errorOf(await putAttachment(server.url, device, new Uint8Array([1, 2, 3]), 'ABC'));
    expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(error.message).toContain('sha256');
  });

  it('refuses an attachment over the size limit with 413 BODY_TOO_LARGE', async () => {
    const bytes = new Uint8Array(64 * 1024 + 1).fill(7);
    expect(await errorOf(await putAttachment(server.url, device, bytes))).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });

  it('needs a token: 401 UNAUTHORIZED for PUT and HEAD without one', async () => {
    const bytes = new TextEncoder().encode('x');
    const sha256 = await sha256Hex(bytes);
    const res = await fetch(`${server.url}/v1/attachments/${sha256}`, { method: 'PUT', body: bytes });
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect((await head(sha256, 'forged-token-forged-token')).status).toBe(401);
  });

  it('answers GET on an attachment with 405 METHOD_NOT_ALLOWED', async () => {
    const res = await fetch(`${server.url}/v1/attachments/${'a'.repeat(64)}`, { headers: { authorization: `Bearer ${device.token}` } });
    expect(await errorOf(res)).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    expect(res.headers.get('allow')).toBe('HEAD, PUT');
  });
});
