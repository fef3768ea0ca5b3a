import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phoneContext } from './helpers/browser.ts';
import { buildPwa } from './helpers/build-pwa.ts';
import { addHousehold, giveConsent, fillResident, PURPOSE_HOUSEHOLD, startTraining, waitForServiceWorker } from './helpers/flows.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

let first: string;
let second: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  first = await buildPwa('update-v1');
  second = await buildPwa('update-v2');
  server = await startStaticServer(first);
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [first, second]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an app update', { timeout: 600_000 }, () => {
  it('waits while a form is unsaved, applies on tap after the save, and keeps every unsent record', async () => {
    const context = await phoneContext(browser);
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await waitForServiceWorker(page);
      await startTraining(page);
      await addHousehold(page, 'Võ Thị Năm', 'Ấp Cái Nước');
      await giveConsent(page, PURPOSE_HOUSEHOLD);
      // The head's form is open and typed into, not saved yet, when the new version arrives.
      await page.getByLabel('Ngày sinh').fill('09/09/1979');

      server.setRoot(second);
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const banner = page.getByText(/Có phiên bản mới/);
      await banner.waitFor();
      await expect(banner.textContent()).resolves.toContain('Hãy lưu biểu mẫu đang mở trước');
      await expect(page.getByRole('button', { name: 'Tải lại' }).isDisabled()).resolves.toBe(true);

      await fillResident(page, { fullName: 'Võ Thị Năm', dateOfBirth: '09/09/1979', sex: 'Nữ', cccd: '096179123123' });
      await expect(page.getByTestId('outbox-badge').textContent()).resolves.toContain('Chờ gửi: 2');
      await expect(page.getByText('Có phiên bản mới — tải lại').count()).resolves.toBe(1);

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Tải lại' }).click()]);
      await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
      await page.getByText('Phiên bản update-v2').waitFor();
      await expect(page.getByTestId('outbox-badge').textContent()).resolves.toContain('Chờ gửi: 2');
      await page.getByRole('navigation').getByRole('link', { name: 'Hộ gia đình' }).click();
      await page.getByRole('link', { name: /Võ Thị Năm/ }).waitFor();
      await expect(page.getByText('CHẾ ĐỘ TẬP HUẤN').count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  });
});
