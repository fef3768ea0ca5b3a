import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url } from '../../../shared/seal/base64url.ts';
import type { Bytes } from '../../../shared/seal/bytes.ts';
import { generateLeadKeys, type LeadKeys } from '../../../shared/seal/keys.ts';
import { signReceiptFile } from '../../../shared/seal/receipts.ts';
import { unseal } from '../../../shared/seal/unseal.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { launchChromium } from '../../e2e/helpers/browser.ts';
import { bytesSource } from './seal-fixtures.ts';

/**
 * The same shared/seal code in Chromium (the phone) and in Node (the laptop): a batch sealed by
 * the browser's WebCrypto opens in Node's, and a receipt signed in Node verifies in the browser.
 * Served from 127.0.0.1, a secure context, as crypto.subtle requires.
 */
describe('sealed batch files across browser and Node', { timeout: 60_000 }, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let lead: LeadKeys;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
    });
    const script = bundle.outputFiles[0]?.text ?? '';
    server = createServer((req, res) => {
      if (req.url === '/seal.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/seal.js"></script>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    lead = await generateLeadKeys();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('a batch sealed in Chromium opens in Node with identical records and attachments', async () => {
    const input = { leadPublicKeys: lead.publicKeys, teamId: 'team-a', deviceId: 'phone-1', fileId: uuidv7() };
    const phone = await page.evaluate(
      (arg) => (globalThis as unknown as { sealInBrowser: (a: typeof arg) => Promise<unknown> }).sealInBrowser(arg),
      input,
    ) as {
      sealed: { ok: boolean; value: { chunks: number } };
      secureContext: boolean;
      privateKeyExtractable: boolean;
      deviceKeyId: string;
      file: string;
      records: WireRecord[];
      attachments: { sha256: string; bytes: string }[];
    };
    expect(phone.secureContext).toBe(true);
    expect(phone.privateKeyExtractable).toBe(false);
    expect(phone.sealed).toMatchObject({ ok: true });
    expect(phone.sealed.value.chunks).toBeGreaterThanOrEqual(2);

    const records: WireRecord[] = [];
    const attachments = new Map<string, Bytes>();
    const result = await unseal({
      source: bytesSource(fromBase64url(phone.file) ?? new Uint8Array()),
      lead,
      teamId: 'team-a',
      devices: [{ deviceId: 'phone-1', keyId: phone.deviceKeyId }],
      sink: { record: (r) => void records.push(r), attachment: (sha, bytes) => void attachments.set(sha, bytes) },
    });
    expect(result).toMatchObject({ ok: true, value: { records: 20, attachments: 2 } });
    expect(records).toEqual(phone.records);
    for (const a of phone.attachments) {
      expect(Buffer.from(attachments.get(a.sha256) ?? []).equals(Buffer.from(a.bytes, 'base64url')), a.sha256).toBe(true);
    }
  });

  it('a receipt file signed in Node verifies in Chromium, and an edited one does not', async () => {
    const file = await signReceiptFile(lead, {
      teamId: 'team-a',
      deviceId: 'phone-1',
      issuedAt: '2026-02-03T10:00:00.000Z',
      receipts: [{ id: uuidv7(), rev: 1, status: 'accepted' }],
    });
    const verify = (receiptFile: unknown) =>
      page.evaluate(
        (arg) =>
          (globalThis as unknown as { verifyReceiptFile: (f: unknown, e: unknown) => Promise<{ ok: boolean; code?: string }> })
            .verifyReceiptFile(arg.receiptFile, arg.expect),
        { receiptFile, expect: { lead: lead.publicKeys, teamId: 'team-a', deviceId: 'phone-1' } },
      );
    expect(await verify(file)).toMatchObject({ ok: true });
    expect(await verify({ ...file, deviceId: 'phone-2' })).toMatchObject({ ok: false, code: 'SEAL_RECEIPT_SIGNATURE' });
  });
});
