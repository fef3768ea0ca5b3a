import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../../shared/seal/base64url.ts';
import { keyId, shortFingerprint } from '../../../shared/seal/jwk.ts';
import {
  generateDeviceKeys,
  generateLeadKeys,
  lockLeadKeys,
  unlockLeadKeyFile,
  type LeadKeyFile,
  type LeadKeys,
} from '../../../shared/seal/keys.ts';
import { seal } from '../../../shared/seal/seal.ts';
import { verifySealed } from '../../../shared/seal/unseal.ts';
import { bytesSource, memorySink, sampleBatch, sealOptionsFor } from './seal-fixtures.ts';

const PASSPHRASE = 'đêm trăng Tân Hưng 2026';

describe('the team lead key file', () => {
  let lead: LeadKeys;
  let keyFile: LeadKeyFile;
  beforeAll(async () => {
    lead = await generateLeadKeys();
    const locked = await lockLeadKeys(lead, PASSPHRASE);
    if (!locked.ok) throw new Error(locked.code);
    keyFile = JSON.parse(JSON.stringify(locked.value.keyFile)) as LeadKeyFile;
  });

  it('keeps no private key in clear and uses at least 310,000 PBKDF2 iterations', () => {
    expect(keyFile.kdf.iterations).toBeGreaterThanOrEqual(310_000);
    expect(JSON.stringify(keyFile)).not.toMatch(/"d"\s*:/);
  });

  it('unlocks with the passphrase into non-extractable keys that open what was sealed to it', async () => {
    const unlocked = await unlockLeadKeyFile(keyFile, PASSPHRASE);
    if (!unlocked.ok) throw new Error(unlocked.code);
    expect(unlocked.value.keys.decryptionKey.extractable).toBe(false);
    expect(unlocked.value.keys.signingKey.extractable).toBe(false);
    expect(unlocked.value.keys.encryptionKeyId).toBe(lead.encryptionKeyId);

    const device = await generateDeviceKeys();
    const team = { teamId: 't', deviceId: 'd', lead, device, devices: [{ deviceId: 'd', keyId: device.keyId }] };
    const sink = memorySink();
    await seal({ ...sealOptionsFor(team), items: (await sampleBatch(1, [])).items, write: sink.write });
    const opened = await verifySealed({ source: bytesSource(sink.bytes()), lead: unlocked.value.keys, teamId: 't', devices: team.devices });
    expect(opened.ok).toBe(true);
  });

  it('unlocks with the same passphrase typed in decomposed Unicode (NFD)', async () => {
    expect((await unlockLeadKeyFile(keyFile, PASSPHRASE.normalize('NFD'))).ok).toBe(true);
  });

  it('refuses a wrong passphrase with SEAL_PASSPHRASE', async () => {
    expect(await unlockLeadKeyFile(keyFile, 'đêm trăng Tân Hưng 2025')).toMatchObject({ ok: false, code: 'SEAL_PASSPHRASE' });
  });

  it('refuses a key file whose public keys were swapped for another lead’s', async () => {
    const other = await generateLeadKeys();
    const swapped = { ...keyFile, public: other.publicKeys };
    expect(await unlockLeadKeyFile(swapped, PASSPHRASE)).toMatchObject({ ok: false, code: 'SEAL_PASSPHRASE' });
  });

  it.each([
    ['not an object', 'hello', 'format'],
    ['weakened iterations', { kdf: { iterations: 1000 } }, 'kdf.iterations'],
    ['a short salt', { kdf: { salt: 'AAAA' } }, 'kdf.salt'],
    ['a missing wrapped key', { wrapped: { encryption: { iv: 'AAAA' } } }, 'wrapped.encryption.data'],
  ])('refuses a key file with %s: SEAL_KEY_FILE_INVALID', async (_name, change, reason) => {
    const file =
      typeof change === 'string'
        ? change
        : {
            ...keyFile,
            ...change,
            kdf: { ...keyFile.kdf, ...('kdf' in change ? change.kdf : {}) },
            wrapped: { ...keyFile.wrapped, ...('wrapped' in change ? change.wrapped : {}) },
          };
    expect(await unlockLeadKeyFile(file, PASSPHRASE)).toMatchObject({ code: 'SEAL_KEY_FILE_INVALID', params: { reason } });
  });

  it('refuses to lock with a passphrase shorter than 8 characters', async () => {
    expect(await lockLeadKeys(lead, 'ngắn')).toMatchObject({ ok: false, code: 'SEAL_PASSPHRASE_WEAK', params: { min: 8 } });
  });
});

describe('key ids and fingerprints', () => {
  it('are the RFC 7638 thumbprint, whatever the member order or extra members of the JWK', async () => {
    const device = await generateDeviceKeys();
    const { kty, crv, x, y } = device.publicJwk;
    const reordered = JSON.parse(JSON.stringify({ y, x, crv, kty, ext: true, key_ops: ['verify'] })) as typeof device.publicJwk;
    expect(await keyId(reordered)).toBe(device.keyId);
    expect(device.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('show people 16 hex digits in four groups', () => {
    expect(shortFingerprint('3f2a9c0177b4e0d2' + '0'.repeat(48))).toBe('3F2A 9C01 77B4 E0D2');
  });

  it('keep a device private key non-extractable unless asked', async () => {
    expect((await generateDeviceKeys()).privateKey.extractable).toBe(false);
    expect((await generateDeviceKeys({ extractable: true })).privateKey.extractable).toBe(true);
  });
});

describe('base64url', () => {
  it('round-trips every length and matches Node’s encoder', () => {
    for (let length = 0; length < 70; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(text)).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet and non-canonical trailing bits', () => {
    expect(fromBase64url('ab+/')).toBeUndefined();
    expect(fromBase64url('A')).toBeUndefined();
    expect(fromBase64url('AB')).toBeUndefined(); // 'AB' leaves non-zero spare bits; 'AA' is canonical
    expect(fromBase64url('AA')).toEqual(Uint8Array.of(0));
  });
});
