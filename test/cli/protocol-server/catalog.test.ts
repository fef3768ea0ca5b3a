import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CATALOG, startTestServer, type Device, type TestServer } from './harness.ts';

function getCatalog(server: TestServer, device: Device, etag?: string): Promise<Response> {
  return fetch(`${server.url}/v1/catalog`, {
    headers: { authorization: `Bearer ${device.token}`, ...(etag ? { 'if-none-match': etag } : {}) },
  });
}

describe('GET /v1/catalog', () => {
  it('serves procedures, communes and a null lead key with an ETag, and 304 when unchanged', async () => {
    const server = await startTestServer();
    try {
      const device = await server.enrol();
      const res = await getCatalog(server, device);
      expect(res.status).toBe(200);
      const etag = res.headers.get('etag');
      expect(etag).toMatch(/^"1-[0-9a-f]{32}"$/);
      expect(await res.json()).toEqual({ version: 1, teamId: device.teamId, ...SMALL_CATALOG, leadPublicKey: null });

      const again = await getCatalog(server, device, etag ?? '');
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      expect((await getCatalog(server, device, `W/${etag ?? ''}`)).status).toBe(304);
      expect((await getCatalog(server, device, '"stale"')).status).toBe(200);
    } finally {
      await server.dispose();
    }
  });

  it('changes the ETag and bumps the version when the reference data changes, and when the lead key is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langso-catalog-'));
    try {
      const first = await startTestServer({ dir });
      const device = await first.enrol();
      const before = (await getCatalog(first, device)).headers.get('etag') ?? '';
      await first.close();

      const changed = { ...SMALL_CATALOG, communes: [...SMALL_CATALOG.communes, { code: '32014', name: 'Lý Văn Lâm', type: 'Phường' }] };
      const second = await startTestServer({ dir, catalog: changed });
      try {
        const res = await getCatalog(second, device, before);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { version: number }).version).toBe(2);

        const now = (await getCatalog(second, device)).headers.get('etag') ?? '';
        second.db.prepare('UPDATE teams SET lead_public_key = ? WHERE id = ?').run(JSON.stringify({ kty: 'EC' }), device.teamId);
        const withKey = await getCatalog(second, device, now);
        expect(withKey.status).toBe(200);
        expect(((await withKey.json()) as { leadPublicKey: unknown }).leadPublicKey).toEqual({ kty: 'EC' });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
