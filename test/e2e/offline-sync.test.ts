import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEnvelope } from '../../shared/domain/records.ts';
import { toOutboxEntry } from '../../shared/sync/outbox-entry.ts';
import { toWireRecord } from '../../shared/sync/wire-record.ts';
import { launchChromium, phoneContext } from './helpers/browser.ts';
import { buildPwa } from './helpers/build-pwa.ts';
import { addHousehold, addMember, applyForEid, enrol, fillResident, giveConsent, openHousehold, prepareDossier, PURPOSE_HOUSEHOLD, waitForServiceWorker } from './helpers/flows.ts';
import { startSandbox, type Sandbox } from './helpers/sandbox.ts';
import { readStoredPhotos } from './helpers/stored-photos.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

// The built app in Debian's Chromium, a real service worker and IndexedDB, the sandbox province
// as a child process. Slow on a busy 2-core machine: one build, generous timeouts.
let dir: string;
let outDir: string;
let server: StaticServer;
let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'langso-e2e-'));
  outDir = await buildPwa('e2e-offline');
  sandbox = await startSandbox(dir);
  server = await startStaticServer(outDir);
  server.setApi(sandbox.url);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function freshPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  return { context, page };
}

const badge = (page: Page) => page.getByTestId('outbox-badge');

describe('the PWA offline, then syncing with the sandbox province', { timeout: 600_000 }, () => {
  it('keeps a household, two residents, an e-ID application and a dossier with a photo through an offline reload, then syncs them', async () => {
    const { context, page } = await freshPhone();
    try {
      await enrol(page, await sandbox.teamCode());
      await context.setOffline(true);

      await addHousehold(page, 'Trần Văn Mẫu', 'Khóm 1');
      // A new household goes on to its first member: the head, prefilled from the consent.
      await giveConsent(page, PURPOSE_HOUSEHOLD);
      await fillResident(page, { fullName: 'Trần Văn Mẫu', dateOfBirth: '04/05/1990', sex: 'Nam', cccd: '096090123456', phone: '0912345678' });
      await addMember(page, { fullName: 'Lê Thị Thử', dateOfBirth: '12/08/1992', sex: 'Nữ', cccd: '096192654321', phone: '0987654321' });
      await expect.poll(() => page.getByTestId('member').count()).toBe(2);

      await applyForEid(page, 'Trần Văn Mẫu');
      await openHousehold(page, 'Trần Văn Mẫu');
      await prepareDossier(page, 'Lê Thị Thử');
      await expect(badge(page).textContent()).resolves.toContain('Chờ gửi: 5');

      // Reload with no network: the service worker serves the app, IndexedDB still holds everything.
      await page.reload();
      await expect(badge(page).textContent()).resolves.toContain('Chờ gửi: 5');
      await openHousehold(page, 'Trần Văn Mẫu');
      await expect.poll(() => page.getByTestId('member').count()).toBe(2);
      await expect(page.getByTestId('member').filter({ hasText: 'Lê Thị Thử' }).getByText(/Hồ sơ thủ tục 1\.001193/).count()).resolves.toBe(1);
      await page.getByTestId('member').filter({ hasText: 'Lê Thị Thử' }).getByText(/Hồ sơ thủ tục/).click();
      await page.locator('img.thumb').first().waitFor();
      // Every photo was shrunk when taken: a JPEG of at most 1024 px on its long edge and 200 KB;
      // and IndexedDB holds it encrypted, never as the JPEG itself.
      const photos = await page.evaluate(readStoredPhotos, 'langso');
      expect(photos.length).toBeGreaterThanOrEqual(2);
      for (const photo of photos) {
        expect(photo).toMatchObject({ atRest: 'encrypted', mime: 'image/jpeg', hasPlainBlob: false });
        expect(photo.storedHead.slice(0, 3)).not.toEqual([0xff, 0xd8, 0xff]);
        expect(photo.bytes).toBeLessThanOrEqual(200 * 1024);
        expect(Math.max(photo.width ?? 0, photo.height ?? 0)).toBe(1024);
      }

      // Back online: the app syncs by itself on the `online` event.
      await context.setOffline(false);
      await page.getByRole('navigation').getByRole('link', { name: 'Hàng chờ' }).click();
      await expect.poll(() => badge(page).textContent(), { timeout: 120_000 }).toContain('Đã gửi hết');
      await expect.poll(() => page.getByTestId('sync-outcome').textContent(), { timeout: 120_000 }).toContain('Đồng bộ xong');
      await expect.poll(() => page.getByTestId('pending-count').textContent()).toBe('0');
      await expect.poll(() => page.getByTestId('quarantined-count').textContent()).toBe('0');

      // Receipts and the province's decisions, per record; the dossier code, large.
      await expect.poll(() => page.getByTestId('receipt').count()).toBe(5);
      await page.getByTestId('receipt').filter({ hasText: 'Hồ sơ thủ tục' }).getByRole('link').click();
      await expect(page.getByTestId('server-ref').textContent()).resolves.toMatch(/\S{6,}/);
      await expect.poll(() => page.getByTestId('decision').count(), { timeout: 60_000 }).toBe(1);
      await expect(page.getByTestId('decision').textContent()).resolves.toMatch(/Tỉnh trả lời: (đã tiếp nhận|cần bổ sung|đã hẹn lịch|đã duyệt|đã kích hoạt|từ chối)/);
      // The province holds the photos now: the phone deleted them, and says so where they were.
      await expect.poll(() => page.getByTestId('photo-purged').count()).toBeGreaterThanOrEqual(1);
      await expect(page.getByTestId('photo-purged').first().textContent()).resolves.toBe('Ảnh đã gửi và đã xóa khỏi máy.');
      expect((await page.evaluate(readStoredPhotos, 'langso')).map((photo) => photo.atRest)).toEqual(photos.map(() => 'purged'));

      // The browser was asked to keep the data after the first save; its answer is shown.
      await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
      await expect.poll(() => page.getByTestId('persist-answer').textContent()).toMatch(/Trình duyệt (đã|chưa) đồng ý/);
    } finally {
      await context.close();
    }
  });

  it('sends what is saved with signal on its own, with no tap: the province has it a moment later', async () => {
    const { context, page } = await freshPhone();
    try {
      await enrol(page, await sandbox.teamCode(), 'Trần Thị Tự');
      await addHousehold(page, 'Đoàn Văn Tự Động', 'Ấp Tân Lợi');
      await giveConsent(page, PURPOSE_HOUSEHOLD);
      await fillResident(page, { fullName: 'Đoàn Văn Tự Động', dateOfBirth: '02/03/1985', sex: 'Nam', cccd: '096085333444' });
      await expect.poll(() => badge(page).textContent(), { timeout: 60_000 }).toContain('Đã gửi hết');
      expect(provinceRecordsNamed('Đoàn Văn Tự Động')).toBe(2);
      // The header says so too.
      await expect.poll(() => page.getByTestId('connection').textContent()).toMatch(/Có mạng · (vừa đồng bộ|đồng bộ .* trước)/);
      await context.setOffline(true);
      await expect.poll(() => page.getByTestId('connection').textContent()).toContain('Không có mạng');
    } finally {
      await context.close();
    }
  });

  it('quarantines the one record the province rejects, says why in plain words, and sends the rest', async () => {
    const { context, page } = await freshPhone();
    try {
      await enrol(page, await sandbox.teamCode(), 'Phạm Thị Hai');
      // Offline, so the records wait for the tap below (with signal they would leave on their own).
      await context.setOffline(true);
      // This household's consent is a signature drawn on screen: an attachment the sync must upload.
      await addHousehold(page, 'Phạm Văn Ba', 'Ấp Tân Lợi', true);
      await giveConsent(page, PURPOSE_HOUSEHOLD);
      await fillResident(page, { fullName: 'Phạm Văn Ba', dateOfBirth: '02/03/1985', sex: 'Nam', cccd: '096085111222' });

      // A record damaged before it was sent (as a buggy older version could have queued it): a
      // birth date that does not exist. It goes into IndexedDB the way the app writes rows.
      const stored = await page.evaluate(readFirstResident);
      const bad = { ...stored, id: uuidv7(), payload: { ...stored.payload, fullName: 'Phạm Thị Hỏng', dateOfBirth: '1985-13-45' } } as RecordEnvelope;
      const entry = toOutboxEntry(await toWireRecord(bad), new Date().toISOString());
      await page.evaluate(insertQueued, {
        record: { id: bad.id, type: bad.type, rev: 1, status: 'queued', householdId: stored.payload.householdId, updatedAt: bad.updatedAt, searchKey: 'pham thi hong', envelope: bad },
        outbox: { ...entry, quarantine: 0 },
      });
      await page.reload();
      await expect(badge(page).textContent()).resolves.toContain('Chờ gửi: 3');

      await context.setOffline(false);
      await page.getByRole('navigation').getByRole('link', { name: 'Hàng chờ' }).click();
      await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
      await expect.poll(() => page.getByTestId('sync-outcome').textContent(), { timeout: 120_000 }).toContain('1 hồ sơ tạm giữ');
      // The counts are a live query of the outbox: they follow the outcome within a moment.
      await expect.poll(() => page.getByTestId('pending-count').textContent()).toBe('0');
      await expect.poll(() => page.getByTestId('quarantined-count').textContent()).toBe('1');
      const held = page.getByTestId('quarantined');
      await expect(held.textContent()).resolves.toMatch(/Phạm Thị Hỏng.*Thông tin chưa đúng, cần sửa.*RECORD_INVALID/);
      await expect.poll(() => page.getByTestId('receipt').count()).toBe(2);

      await held.getByRole('button', { name: 'Đưa lại vào hàng chờ' }).click();
      await expect.poll(() => page.getByTestId('pending-count').textContent()).toBe('1');
      await expect.poll(() => page.getByTestId('quarantined-count').textContent()).toBe('0');
    } finally {
      await context.close();
    }
  });
});

/** How many of the province's records (a household, its residents) carry this name. */
function provinceRecordsNamed(name: string): number {
  const db = new Database(sandbox.dbFile, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM records WHERE payload LIKE ?').pluck().get(`%${name}%`) as number;
  } finally {
    db.close();
  }
}

/** In the page: the first resident the app stored, read straight from IndexedDB. */
function readFirstResident(): Promise<RecordEnvelope & { type: 'resident' }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('langso');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('records').objectStore('records').getAll();
      all.onsuccess = () => {
        db.close();
        const row = (all.result as { type: string; envelope: RecordEnvelope & { type: 'resident' } }[]).find((r) => r.type === 'resident');
        if (row) resolve(row.envelope);
        else reject(new Error('no resident'));
      };
    };
  });
}

/** In the page: a record and its outbox row in one transaction, as the app saves. */
function insertQueued(rows: { record: unknown; outbox: unknown }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('langso');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['records', 'outbox'], 'readwrite');
      tx.objectStore('records').put(rows.record);
      tx.objectStore('outbox').put(rows.outbox);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
