import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Receipt } from '../../../shared/sync/protocol.ts';
import { generateLeadKeys, type LeadKeys } from '../../../shared/seal/keys.ts';
import { signReceiptFile, verifyReceiptFile, type ReceiptFile } from '../../../shared/seal/receipts.ts';

const receipts: Receipt[] = [
  { id: uuidv7(), rev: 1, status: 'accepted', serverRef: 'LS-2026-0001' },
  { id: uuidv7(), rev: 2, status: 'duplicate' },
  { id: uuidv7(), rev: 1, status: 'rejected', code: 'CONSENT_MISSING' },
];

describe('receipt files, lead → phone', () => {
  let lead: LeadKeys;
  let file: ReceiptFile;
  const expectFor = () => ({ lead: lead.publicKeys, teamId: 'team-a', deviceId: 'phone-1' });
  beforeAll(async () => {
    lead = await generateLeadKeys();
    file = await signReceiptFile(lead, { teamId: 'team-a', deviceId: 'phone-1', issuedAt: '2026-02-03T10:00:00.000Z', receipts });
  });

  /** As the file arrives on the phone: text, parsed. */
  const travelled = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

  it('verifies on the phone it is for and gives back the receipts', async () => {
    const verified = await verifyReceiptFile(travelled(file), expectFor());
    expect(verified).toMatchObject({ ok: true, value: { receipts, issuedAt: '2026-02-03T10:00:00.000Z' } });
  });

  it('refuses a receipt whose status was changed: SEAL_RECEIPT_SIGNATURE', async () => {
    const edited = { ...file, receipts: [{ ...receipts[0], status: 'rejected' }, ...receipts.slice(1)] };
    expect(await verifyReceiptFile(travelled(edited), expectFor())).toMatchObject({ code: 'SEAL_RECEIPT_SIGNATURE' });
  });

  it('refuses receipts signed by another lead: SEAL_RECEIPT_SIGNATURE', async () => {
    const impostor = await generateLeadKeys();
    const forged = await signReceiptFile(impostor, { teamId: 'team-a', deviceId: 'phone-1', issuedAt: file.issuedAt, receipts });
    expect(await verifyReceiptFile(travelled(forged), expectFor())).toMatchObject({ code: 'SEAL_RECEIPT_SIGNATURE' });
    const relabelled = { ...forged, signerKeyId: lead.signingKeyId };
    expect(await verifyReceiptFile(travelled(relabelled), expectFor())).toMatchObject({ code: 'SEAL_RECEIPT_SIGNATURE' });
  });

  it('refuses another team’s receipts and another phone’s', async () => {
    expect(await verifyReceiptFile(travelled(file), { ...expectFor(), teamId: 'team-b' })).toMatchObject({
      code: 'SEAL_RECEIPT_OTHER_TEAM',
      params: { teamId: 'team-a' },
    });
    expect(await verifyReceiptFile(travelled(file), { ...expectFor(), deviceId: 'phone-2' })).toMatchObject({
      code: 'SEAL_RECEIPT_OTHER_DEVICE',
      params: { deviceId: 'phone-1' },
    });
  });

  it('refuses a newer receipt format and anything that is not a receipt file', async () => {
    expect(await verifyReceiptFile({ ...file, version: 2 }, expectFor())).toMatchObject({
      code: 'SEAL_RECEIPT_VERSION_UNSUPPORTED',
      params: { version: 2 },
    });
    for (const junk of [null, 'text', { format: 'langso-receipts' }, { ...file, receipts: 'all' }]) {
      expect(await verifyReceiptFile(junk, expectFor())).toMatchObject({ code: 'SEAL_RECEIPT_INVALID' });
    }
  });
});
