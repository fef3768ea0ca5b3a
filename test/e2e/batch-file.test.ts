import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHubTeam } from '../../cli/workspace/hub-devices.ts';
import { openSealedFile } from '../../cli/seal/sealed-file.ts';
import { unlockLeadKeyFile } from '../../shared/seal/keys.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { startHubProcess, type HubProcess } from '../cli/hub/hub-process.ts';
import { langso, parseJson, TEST_PASSPHRASE } from '../cli/helpers/lead-cli.ts';
import { launchChromium, phoneContext } from './helpers/browser.ts';
import { buildPwa } from './helpers/build-pwa.ts';
import { addHousehold, applyForEid, enrol, fillResident, giveConsent, PURPOSE_HOUSEHOLD, waitForServiceWorker } from './helpers/flows.ts';
import { jpegSize } from './helpers/images.ts';
import { readStoredPhotos } from './helpers/stored-photos.ts';

// Issue #6's round trip with the real pieces: the built PWA in Chromium seals its outbox with no
// network; the file opens in Node with the lead's private key; `langso import` takes it; the
// lead's signed receipt file, imported on the phone, empties the outbox and purges the photos.
const TEAM = 'Tổ CNS ấp Tân Hưng';

let dir: string;
let outDir: string;
let workspace: string;
let fingerprint: string;
let hub: HubProcess | undefined;
let hubUrl: string;
let code: string;
let browser: Browser;

const HubReadySchema = v.object({ url: v.string(), codes: v.array(v.string()) });
const ImportSchema = v.object({
  files: v.array(v.object({ records: v.number(), new: v.number(), invalid: v.number(), sealed: v.object({ deviceId: v.string(), attachments: v.number() }) })),
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'langso-e2e-batch-'));
  outDir = await buildPwa('e2e-batch');
  workspace = join(dir, 'ws');
  const init = await langso(['init', '--team', TEAM, '--commune', '32002', '--workspace', workspace, '--json']);
  expect(init.code, init.stderr).toBe(0);
  fingerprint = parseJson<{ leadKeys: { fingerprint: string } }>(init).leadKeys.fingerprint;
  hub = await startHubProcess(workspace, ['--pwa', outDir, '--port', '0', '--json', '--codes', '1'], /^\{/);
  const ready = v.parse(HubReadySchema, JSON.parse(hub.lines[0] ?? ''));
  hubUrl = ready.url;
  code = ready.codes[0] ?? '';
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const pending = (page: Page) => page.getByTestId('pending-count').textContent();

async function outbox(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Hàng chờ' }).click();
  await page.getByRole('heading', { name: 'Hàng chờ gửi' }).waitFor();
}

describe('a sealed batch file from the phone to the lead’s laptop and back', { timeout: 600_000 }, () => {
  it('exports offline, opens with the lead’s key, imports with `langso import`, and comes back as a receipt file', async () => {
    const context: BrowserContext = await phoneContext(browser);
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    try {
      await page.goto(hubUrl);
      await waitForServiceWorker(page);
      await enrol(page, code);

      // The phone shows the fingerprint `langso init` printed; photos at 640 px for a slow link.
      await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
      await expect.poll(() => page.getByTestId('lead-key').textContent()).toContain(fingerprint);
      await page.getByRole('radio', { name: /640 điểm ảnh/ }).check();

      // Out of reach of any network: the hub is gone too.
      await context.setOffline(true);
      await hub?.stop();
      await page.getByRole('navigation').getByRole('link', { name: 'Hộ gia đình' }).click();
      await addHousehold(page, 'Trần Văn Mẫu', 'Khóm 1', true);
      await giveConsent(page, PURPOSE_HOUSEHOLD);
      await fillResident(page, { fullName: 'Trần Văn Mẫu', dateOfBirth: '04/05/1990', sex: 'Nam', cccd: '096090123456', phone: '0912345678' });
      await applyForEid(page, 'Trần Văn Mẫu');
      await expect(page.getByTestId('outbox-badge').textContent()).resolves.toContain('Chờ gửi: 3');

      // One tap: the sealed file downloads; the records stay queued.
      await outbox(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^lo-ho-so-\d{8}-\d{4}-[0-9a-z]{1,6}\.langso$/);
      const sealedPath = join(dir, download.suggestedFilename());
      await download.saveAs(sealedPath);
      await expect(page.getByTestId('batch-done').textContent()).resolves.toMatch(/Đã xuất 3 hồ sơ và 2 ảnh/);
      await expect(pending(page)).resolves.toBe('3');
      const queued = await page.evaluate(readOutboxRecords);

      // On the phone the photos are ciphertext at rest.
      const stored = await page.evaluate(readStoredPhotos, 'langso');
      expect(stored).toHaveLength(2);
      for (const photo of stored) {
        expect(photo).toMatchObject({ atRest: 'encrypted', hasPlainBlob: false });
        expect(photo.storedHead.slice(0, 3)).not.toEqual([0xff, 0xd8, 0xff]);
        expect(photo.storedHead).not.toEqual([0x89, 0x50, 0x4e, 0x47]);
      }

      // The laptop: the lead's key opens it, signed by the key the phone registered at enrolment.
      const unlocked = await unlockLeadKeyFile(JSON.parse(readFileSync(join(workspace, 'lead-key.json'), 'utf8')), TEST_PASSPHRASE);
      if (!unlocked.ok) throw new Error(unlocked.code);
      const team = await readHubTeam(workspace);
      expect(team.devices).toHaveLength(1);
      const opened = await openSealedFile(sealedPath, { lead: unlocked.value.keys, teamId: team.teamId, devices: team.devices });
      if (!opened.ok) throw new Error(opened.code);
      const records: WireRecord[] = [];
      const attachments = new Map<string, Uint8Array>();
      const delivered = await opened.value.file.deliver({ record: (r) => void records.push(r), attachment: (sha, bytes) => void attachments.set(sha, bytes) });
      expect(delivered).toMatchObject({ ok: true, value: { records: 3, attachments: 2 } });
      expect(records).toEqual(queued);
      expect(records.map((r) => r.type).sort()).toEqual(['eid', 'household', 'resident']);
      const eid = records.find((r) => r.type === 'eid');
      const portrait = attachments.get((eid?.payload as { portraitSha256?: string } | undefined)?.portraitSha256 ?? '');
      // Taken at the 640 px chosen in settings, and sealed as the JPEG itself.
      expect(portrait && jpegSize(portrait)).toEqual({ width: 640, height: 480 });
      const signature = [...attachments.values()].find((bytes) => bytes[0] === 0x89);
      expect(signature?.subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));

      // The lead imports it (the CLI as a child process), then writes the phone's receipts.
      const imported = await langso(['import', sealedPath, '--workspace', workspace, '--json']);
      expect(imported.code, imported.stderr).toBe(0);
      const [file] = v.parse(ImportSchema, parseJson(imported)).files;
      expect(file).toMatchObject({ records: 3, new: 3, invalid: 0, sealed: { deviceId: team.devices[0]?.deviceId, attachments: 2 } });
      const receiptsPath = join(dir, 'bien-nhan.json');
      const exported = await langso(['receipts', 'export', '--device', team.devices[0]?.deviceId ?? '', '--out', receiptsPath, '--workspace', workspace, '--json']);
      expect(exported.code, exported.stderr).toBe(0);

      // A receipt file changed on the way is refused, and nothing moves.
      const forgedPath = join(dir, 'bien-nhan-sua.json');
      const genuine = JSON.parse(readFileSync(receiptsPath, 'utf8')) as { issuedAt: string };
      writeFileSync(forgedPath, JSON.stringify({ ...genuine, issuedAt: '2030-01-01T00:00:00.000Z' }));
      await page.getByLabel('Nhập biên nhận').setInputFiles(forgedPath);
      await expect.poll(() => page.getByTestId('receipts-outcome').textContent()).toContain('SEAL_RECEIPT_SIGNATURE');
      await expect(pending(page)).resolves.toBe('3');

      // The lead's own file: every record leaves the outbox, every photo leaves the phone.
      await page.getByLabel('Nhập biên nhận').setInputFiles(receiptsPath);
      await expect.poll(() => page.getByTestId('receipts-outcome').textContent()).toContain('3 hồ sơ đã rời hàng chờ');
      await expect.poll(() => pending(page)).toBe('0');
      await expect(page.getByTestId('outbox-badge').textContent()).resolves.toContain('Đã gửi hết');
      expect((await page.evaluate(readStoredPhotos, 'langso')).map((photo) => photo.atRest)).toEqual(['purged', 'purged']);
      await page.getByTestId('receipt').filter({ hasText: 'Định danh điện tử' }).getByRole('link').click();
      await expect(page.getByTestId('photo-purged').textContent()).resolves.toBe('Ảnh đã gửi và đã xóa khỏi máy.');
    } finally {
      await context.close();
    }
  });
});

/** In the page: the outbox's wire records, oldest first, as the export reads them. */
function readOutboxRecords(): Promise<WireRecord[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('langso');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('outbox').objectStore('outbox').index('queuedAt').getAll();
      all.onsuccess = () => {
        db.close();
        resolve((all.result as { record: WireRecord }[]).map((row) => row.record));
      };
      all.onerror = () => reject(all.error);
    };
  });
}
