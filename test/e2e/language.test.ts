import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, onNewPhone } from './helpers/browser.ts';
import { buildPwa } from './helpers/build-pwa.ts';
import { waitForServiceWorker } from './helpers/flows.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

/** One build of the app, served on loopback, and the browser that visits it. */
const app: { dist?: string; server?: StaticServer; browser?: Browser } = {};

beforeAll(async () => {
  app.dist = await buildPwa('language');
  app.server = await startStaticServer(app.dist);
  app.browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await app.browser?.close();
  await app.server?.close();
  if (app.dist) rmSync(app.dist, { recursive: true, force: true });
});

/** A fresh phone on the served app, after its service worker took control. */
function withInstalledApp(use: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const { browser, server } = app;
  if (!browser || !server) throw new Error('the app is not served');
  return onNewPhone(browser, async (page, context) => {
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await use(page, context);
  });
}

const vietnameseTitle = (page: Page) => page.getByRole('heading', { name: 'Bắt đầu dùng Làng số' });
const englishTitle = (page: Page) => page.getByRole('heading', { name: 'Start using Làng số' });

describe('English, downloaded once when chosen', { timeout: 300_000 }, () => {
  it('is not in the install, and once chosen with signal it stays there offline', () =>
    withInstalledApp(async (page, context) => {
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
    }));

  it('offline before that first download: says so in both languages and stays in Vietnamese', () =>
    withInstalledApp(async (page, context) => {
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
    }));
});
