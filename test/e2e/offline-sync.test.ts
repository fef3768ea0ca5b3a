import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phoneContext } from './helpers/browser.ts';
import { buildPwa } from './helpers/build-pwa.ts';
import { addHousehold, addMember, applyForEid, enrol, fillResident, giveConsent, openHousehold, prepareDossier, PURPOSE_HOUSEHOLD, waitForServiceWorker } from './helpers/flows.ts';
import { startSandbox, type Sandbox } from './helpers/sandbox.ts';
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
      await expect(page.locator('img.thumb').count()).resolves.toBeGreaterThan(0);

      // Back online: the app syncs by itself on the `online` event.
      await context.setOffline(false);
      await page.getByRole('navigation').getByRole('link', { name: 'Hàng chờ' }).click();
      await expect.poll(() => badge(page).textContent(), { timeout: 120_000 }).toContain('Đã gửi hết');
      await expect.poll(() => page.getByTestId('sync-outcome').textContent(), { timeout: 120_000 }).toContain('Đồng bộ xong');
      await expect(page.getByTestId('pending-count').textContent()).resolves.toBe('0');
      await expect(page.getByTestId('quarantined-count').textContent()).resolves.toBe('0');

      // Receipts and the province's decisions, per record; the dossier code, large.
      await expect.poll(() => page.getByTestId('receipt').count()).toBe(5);
      await page.getByTestId('receipt').filter({ hasText: 'Hồ sơ thủ tục' }).getByRole('link').click();
      await expect(page.getByTestId('server-ref').textContent()).resolves.toMatch(/\S{6,}/);
      await expect.poll(() => page.getByTestId('decision').count(), { timeout: 60_000 }).toBe(1);
      await expect(page.getByTestId('decision').textContent()).resolves.toMatch(/Tỉnh trả lời: (đã tiếp nhận|cần bổ sung|đã hẹn lịch|đã duyệt|đã kích hoạt|từ chối)/);
    } finally {
      await context.close();
    }
  });
});
