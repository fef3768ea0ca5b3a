import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { localServerForFile } from '../../helpers/local-server.ts';
import { generateLeadKeys } from '../../../shared/seal/keys.ts';
import type { TeamLeadKeys } from '../../../shared/sync/protocol.ts';
import { readLeadKeys } from '../../../pwa/seal/device-keys.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import { createSyncRunner } from '../../../pwa/sync/sync-controller.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { DEVICE, teamLeadKeys } from '../helpers/seal-setup.ts';

// A team server with nothing to receive: no updates, and a catalog carrying the lead's keys.
let catalogKeys: TeamLeadKeys | undefined;
const paths: string[] = [];

const server = localServerForFile((req, res) => {
  paths.push(`${req.method} ${req.url}`);
  res.setHeader('content-type', 'application/json');
  if (req.url?.startsWith('/v1/updates')) return res.writeHead(200).end(JSON.stringify({ updates: [], cursor: 'c-1', more: false }));
  if (req.url === '/v1/catalog') {
    const body = { version: 1, teamId: DEVICE.teamId, procedures: [], communes: [], leadPublicKey: null, ...(catalogKeys ? { leadKeys: catalogKeys } : {}) };
    return res.writeHead(200, { etag: `"${catalogKeys?.encryptionKeyId ?? 'none'}"` }).end(JSON.stringify(body));
  }
  res.writeHead(404).end(JSON.stringify({ code: 'NOT_FOUND', message: req.url ?? '' }));
});

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

describe('the lead’s keys through sync', () => {
  it('picks the lead’s keys up from the catalog when a sync reaches the server', async () => {
    db = freshDb();
    catalogKeys = await teamLeadKeys(await generateLeadKeys());
    const controller = createSyncRunner({ db, outbox: new DexieOutboxStore(db), device: { ...DEVICE, serverUrl: server.url() }, fetch, clock: () => Date.parse('2026-03-02T08:00:00.000Z') });
    expect(await readLeadKeys(db)).toBeUndefined();
    await controller.run();
    expect(paths).toContain('GET /v1/catalog');
    expect(await readLeadKeys(db)).toEqual(catalogKeys);
  });

  it('keeps the keys it has when the server’s catalog has none (an older server)', async () => {
    db = freshDb();
    catalogKeys = await teamLeadKeys(await generateLeadKeys());
    const device = { ...DEVICE, serverUrl: server.url() };
    await createSyncRunner({ db, outbox: new DexieOutboxStore(db), device, fetch, clock: Date.now }).run();
    const kept = catalogKeys;
    catalogKeys = undefined;
    await createSyncRunner({ db, outbox: new DexieOutboxStore(db), device, fetch, clock: Date.now }).run();
    expect(await readLeadKeys(db)).toEqual(kept);
  });
});
