import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { localServerForFile } from '../../helpers/local-server.ts';
import { importPublicJwk, keyId } from '../../../shared/seal/jwk.ts';
import { generateLeadKeys } from '../../../shared/seal/keys.ts';
import type { TeamLeadKeys } from '../../../shared/sync/protocol.ts';
import { readDeviceKeys, readLeadKeys, refreshLeadKeys } from '../../../pwa/seal/device-keys.ts';
import { LangsoDb } from '../../../pwa/store/db.ts';
import { readSetting, SETTINGS } from '../../../pwa/store/settings-registry.ts';
import { joinTeam } from '../../../pwa/sync/join-team.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { teamLeadKeys } from '../helpers/seal-setup.ts';

// A hub stand-in: answers each enrolment with the lead keys the test sets, and keeps the bodies.
const bodies: Record<string, unknown>[] = [];
let handOut: TeamLeadKeys | undefined;

const server = localServerForFile((req, res) => {
  let text = '';
  req.on('data', (chunk: Buffer) => (text += chunk.toString()));
  req.on('end', () => {
    bodies.push(JSON.parse(text) as Record<string, unknown>);
    const answer = { deviceId: `d-${bodies.length}`, token: 't', teamId: 'team-1', teamName: 'Tổ Một', serverTime: '2026-03-01T08:00:00.000Z' };
    res.setHeader('content-type', 'application/json');
    res.writeHead(201).end(JSON.stringify(handOut ? { ...answer, leadKeys: handOut } : answer));
  });
});

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

const join = () => joinTeam(fetch, db, { serverUrl: server.url(), code: 'ABCD-1234', volunteerName: 'Nguyễn Thử', at: '2026-03-01T08:00:00.000Z' });

describe('the phone’s keys at enrolment', () => {
  it('makes a signing key, registers its public half, and keeps the private key as a non-extractable CryptoKey', async () => {
    db = freshDb();
    handOut = undefined;
    const result = await join();
    expect(result.ok).toBe(true);

    const sent = bodies.at(-1);
    expect(sent).toMatchObject({ code: 'ABCD-1234', deviceName: 'Nguyễn Thử', publicKey: { kty: 'EC', crv: 'P-256' } });
    expect(sent?.['publicKey']).not.toHaveProperty('d');

    // Read back from a second connection: the key survives a reload of the app.
    const reopened = new LangsoDb(db.name);
    const keys = await readDeviceKeys(reopened);
    reopened.close();
    if (!keys) throw new Error('no device keys stored');
    expect(keys.privateKey).toBeInstanceOf(CryptoKey);
    expect(keys.privateKey.extractable).toBe(false);
    expect(keys.privateKey.type).toBe('private');
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
    expect(keys.keyId).toBe(await keyId(keys.publicJwk));
    expect(keys.publicJwk).toEqual(sent?.['publicKey']);

    // The stored key signs what the registered public key verifies.
    const message = new TextEncoder().encode('lô hồ sơ');
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, message);
    const verifier = await importPublicJwk(keys.publicJwk, 'ECDSA');
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifier, signature, message)).toBe(true);
    expect(await readSetting(db, SETTINGS.device)).toMatchObject({ deviceId: result.ok ? result.value.deviceId : '', teamId: 'team-1' });
  });

  it('keeps the lead’s keys from the enrolment answer, after checking their ids are their thumbprints', async () => {
    db = freshDb();
    handOut = await teamLeadKeys(await generateLeadKeys());
    await join();
    expect(await readLeadKeys(db)).toEqual(handOut);
  });

  it('refuses lead keys whose ids do not match the keys, and drops keys of an earlier team on re-enrolment', async () => {
    db = freshDb();
    handOut = await teamLeadKeys(await generateLeadKeys());
    await join();
    const other = await teamLeadKeys(await generateLeadKeys());
    // A server naming one key's id beside another key: the fingerprint shown would lie.
    handOut = { ...other, encryptionKeyId: handOut.encryptionKeyId };
    expect((await join()).ok).toBe(true);
    expect(await readLeadKeys(db)).toBeUndefined();
    expect(await db.settings.get('seal:leadKeys')).toBeUndefined();
  });
});

describe('lead keys from the catalog', () => {
  it('takes newer keys from a catalog and ignores a catalog without them', async () => {
    db = freshDb();
    const first = await teamLeadKeys(await generateLeadKeys());
    const second = await teamLeadKeys(await generateLeadKeys());
    expect(await refreshLeadKeys(db, { version: 1, leadKeys: first })).toBe(true);
    expect(await refreshLeadKeys(db, { version: 2, leadPublicKey: null })).toBe(false);
    expect(await readLeadKeys(db)).toEqual(first);
    expect(await refreshLeadKeys(db, { version: 3, leadKeys: second })).toBe(true);
    expect(await readLeadKeys(db)).toEqual(second);
    expect(await refreshLeadKeys(db, { version: 4, leadKeys: { ...first, signingKeyId: second.signingKeyId } })).toBe(false);
    expect(await readLeadKeys(db)).toEqual(second);
  });
});
