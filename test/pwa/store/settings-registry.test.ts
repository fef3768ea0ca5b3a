import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDeviceKeys, generateLeadKeys } from '../../../shared/seal/keys.ts';
import { deviceKeysRow, leadKeysRow } from '../../../pwa/seal/device-keys.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { readSetting, SETTINGS } from '../../../pwa/store/settings-registry.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { teamLeadKeys } from '../helpers/seal-setup.ts';

let db: LangsoDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('the settings registry', () => {
  it('keeps every setting under the key phones already store it under', () => {
    const { sync, ...rows } = SETTINGS;
    const keys = [...Object.values(rows), ...Object.values(sync)].map((setting) => setting.key).sort();
    expect(keys).toEqual([
      'atRest:key',
      'device',
      'persist',
      'photo',
      'seal:deviceKeys',
      'seal:lastExport',
      'seal:leadKeys',
      'sync:catalogEtag',
      'sync:clockOffsetMs',
      'sync:lastSyncAt',
      'sync:updatesCursor',
    ]);
  });

  it('reads the key rows through the sealing code’s schemas, and a row that does not fit as absent', async () => {
    const store = freshDb();
    db = store;
    const lead = await teamLeadKeys(await generateLeadKeys());
    const own = await generateDeviceKeys();
    await store.settings.bulkPut([leadKeysRow(lead), deviceKeysRow(own)]);
    expect(await readSetting(store, SETTINGS.leadKeys)).toEqual(lead);
    expect(await readSetting(store, SETTINGS.deviceKeys)).toMatchObject({ keyId: own.keyId, publicJwk: own.publicJwk, privateKey: own.privateKey });

    await store.settings.bulkPut([
      { key: SETTINGS.leadKeys.key, value: { encryptionKeyId: lead.encryptionKeyId } },
      { key: SETTINGS.deviceKeys.key, value: { keyId: own.keyId, publicJwk: own.publicJwk, privateKey: 'not a key' } },
    ]);
    expect(await readSetting(store, SETTINGS.leadKeys)).toBeUndefined();
    expect(await readSetting(store, SETTINGS.deviceKeys)).toBeUndefined();
  });
});
