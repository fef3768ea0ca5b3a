// Bundled by in-browser.test.ts and run in Chromium: the phone's side of a batch file, with the
// same shared/seal code the PWA uses and the browser's own WebCrypto.
import { toBase64url } from '../../../shared/seal/base64url.ts';
import { concatBytes, type Bytes } from '../../../shared/seal/bytes.ts';
import { generateDeviceKeys } from '../../../shared/seal/keys.ts';
import { verifyReceiptFile } from '../../../shared/seal/receipts.ts';
import { seal } from '../../../shared/seal/seal.ts';
import { sampleBatch } from './seal-fixtures.ts';
import type { LeadPublicKeys } from '../../../shared/sync/public-keys.ts';

async function sealInBrowser(input: { leadPublicKeys: LeadPublicKeys; teamId: string; deviceId: string; fileId: string }) {
  const device = await generateDeviceKeys();
  // 1.5 MB: one photo across two 1 MiB chunks.
  const batch = await sampleBatch(20, [1_500_000, 150_000]);
  const parts: Bytes[] = [];
  const sealed = await seal({
    items: batch.items,
    write: (bytes) => void parts.push(bytes),
    recipient: input.leadPublicKeys,
    device: { deviceId: input.deviceId, keys: device },
    teamId: input.teamId,
    fileId: input.fileId,
    createdAt: new Date().toISOString(),
  });
  return {
    sealed,
    secureContext: globalThis.isSecureContext,
    privateKeyExtractable: device.privateKey.extractable,
    deviceKeyId: device.keyId,
    file: toBase64url(concatBytes(parts)),
    records: batch.records,
    attachments: batch.attachments.map((a) => ({ sha256: a.sha256, bytes: toBase64url(a.bytes) })),
  };
}

Object.assign(globalThis, { sealInBrowser, verifyReceiptFile });
