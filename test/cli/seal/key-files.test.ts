import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLeadPublicKeys, unlockLeadKeyFileAt, writeLeadKeyFile, writeLeadPublicKeys } from '../../../cli/seal/key-files.ts';
import { writeReceiptFile } from '../../../cli/seal/receipt-file.ts';
import { signReceiptFile, verifyReceiptFile } from '../../../shared/seal/receipts.ts';
import { generateLeadKeys, lockLeadKeys, type LeadKeyFile, type LeadKeys } from '../../../shared/seal/keys.ts';

describe('the team lead key files in the workspace', () => {
  let dir: string;
  let lead: LeadKeys;
  let keyFile: LeadKeyFile;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'langso-seal-keys-'));
    lead = await generateLeadKeys();
    const locked = await lockLeadKeys(lead, 'mật khẩu của tổ trưởng');
    if (!locked.ok) throw new Error(locked.code);
    keyFile = locked.value.keyFile;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the private key file owner-only and unlocks it from disk', async () => {
    const path = join(dir, 'lead-key.json');
    expect(await writeLeadKeyFile(path, keyFile)).toEqual({ ok: true, value: null });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const unlocked = await unlockLeadKeyFileAt(path, 'mật khẩu của tổ trưởng');
    expect(unlocked.ok && unlocked.value.keys.encryptionKeyId).toBe(lead.encryptionKeyId);
    expect(await unlockLeadKeyFileAt(path, 'mật khẩu sai rồi')).toMatchObject({ ok: false, code: 'SEAL_PASSPHRASE' });
  });

  it('never overwrites an existing key file', async () => {
    const path = join(dir, 'kept.json');
    await writeLeadKeyFile(path, keyFile);
    const before = await readFile(path, 'utf8');
    const other = await lockLeadKeys(await generateLeadKeys(), 'một cụm mật khẩu khác');
    if (!other.ok) throw new Error(other.code);
    expect(await writeLeadKeyFile(path, other.value.keyFile)).toMatchObject({ ok: false, code: 'SEAL_KEY_FILE_EXISTS' });
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('round-trips the public keys phones receive', async () => {
    const path = join(dir, 'lead-public.json');
    await writeLeadPublicKeys(path, lead.publicKeys);
    expect(await readLeadPublicKeys(path)).toEqual({ ok: true, value: { publicKeys: lead.publicKeys } });
  });

  it('writes a signed receipt file that verifies after the trip through disk', async () => {
    const path = join(dir, 'bien-nhan.json');
    const file = await signReceiptFile(lead, {
      teamId: 'team-a',
      deviceId: 'phone-1',
      issuedAt: '2026-02-03T10:00:00.000Z',
      receipts: [{ id: uuidv7(), rev: 1, status: 'accepted' }],
    });
    await writeReceiptFile(path, file);
    const read: unknown = JSON.parse(await readFile(path, 'utf8'));
    expect(await verifyReceiptFile(read, { lead: lead.publicKeys, teamId: 'team-a', deviceId: 'phone-1' })).toMatchObject({ ok: true });
  });

  it('answers FILE_NOT_FOUND, and SEAL_KEY_FILE_INVALID for a file that is not a key file', async () => {
    expect(await unlockLeadKeyFileAt(join(dir, 'nope.json'), 'x')).toMatchObject({ code: 'FILE_NOT_FOUND' });
    const junk = join(dir, 'junk.json');
    await writeFile(junk, '{ not json');
    expect(await unlockLeadKeyFileAt(junk, 'x')).toMatchObject({ code: 'SEAL_KEY_FILE_INVALID', params: { reason: 'JSON' } });
    await writeFile(junk, '{"format":"langso-lead-public"}');
    expect(await readLeadPublicKeys(junk)).toMatchObject({ code: 'SEAL_KEY_FILE_INVALID' });
  });
});
