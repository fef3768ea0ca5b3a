import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phoneContext } from './helpers/browser.ts';
import { buildPwa } from './helpers/build-pwa.ts';
import { waitForServiceWorker } from './helpers/flows.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dist = await buildPwa('language');
  server = await startStaticServer(dist);
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const vietnameseTitle = (page: Page) => page.getByRole('heading', { name: 'Bắt đầu dùng Làng số' });
const englishTitle = (page: Page) => page.getByRole('heading', { name: 'Start using Làng số' });

describe('English, downloaded once when chosen', { timeout: 300_000 }, () => {
  it('is not in the install, and once chosen with signal it stays there offline', async () => {
    const context = await phoneContext(browser);
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await waitForServiceWorker(page);
      const precached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        return urls;
      });
      expect(precached.some((url) => url.includes('/assets/screens-'))).toBe(true);
      expect(precached.some((url) => url.includes('/assets/lang-en-'))).toBe(false);

      await page.getByRole('button', { name: 'English' }).click();
      await englishTitle(page).waitFor();

      await context.setOffline(true);
      await page.reload();
      await englishTitle(page).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    } finally {
      await context.close();
    }
  });

  it('offline before that first download: says so in both languages and stays in Vietnamese', async () => {
    const context = await phoneContext(browser);
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await vietnameseTitle(page).waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('status').filter({ hasText: 'English needs a connection once' }).waitFor();
      await expect(vietnameseTitle(page).count()).resolves.toBe(1);

      // Signal again: the same tap now works.
      await context.setOffline(false);
      await page.getByRole('button', { name: 'English' }).click();
      await englishTitle(page).waitFor();
      await expect(page.getByText('English needs a connection once').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
