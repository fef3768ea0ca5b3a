import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing calling home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized context: 360×640, touch, Vietnamese. Each one starts with empty storage. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, locale: 'vi-VN', serviceWorkers: 'allow' });
}

/** Runs `use` on a fresh phone (its own empty storage), then closes it whatever happens. */
export async function onNewPhone(browser: Browser, use: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await phoneContext(browser);
  context.setDefaultTimeout(60_000);
  try {
    await use(await context.newPage(), context);
  } finally {
    await context.close();
  }
}
