/**
 * The PWA's figures, measured in Debian's Chromium with the Chrome DevTools Protocol
 * throttling the link to 400 kbit/s with 400 ms latency and the CPU 4×:
 *   entry JS and all precached JS (gzip), cold first load until interactive, offline reload until
 *   interactive, saving one record (p95) and searching 50,000 residents (p95).
 *
 *   node --import tsx bench/pwa.bench.ts
 *
 * It builds the app itself (vite, production), serves it on 127.0.0.1, and for the store and
 * search figures builds a small harness of the app's own modules (test/e2e/helpers/bench-harness.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../test/e2e/helpers/browser.ts';
import { buildPwa } from '../test/e2e/helpers/build-pwa.ts';
import { startStaticServer } from '../test/e2e/helpers/static-server.ts';

const root = join(import.meta.dirname, '..');
const KB = 1024;
const LINK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const CPU = 4;
const RESIDENTS = 50_000;
const QUERIES = ['nguyen van', 'tran thi lan', 'le', 'pham minh', 'ap 3', 'khom 3', 'dam doi', '0961', '096090', '0912', 'thach', 'huynh ngoc mai', 'vo', 'an', 'bao', 'tan loi', 'ngo kim hoa', 'cai nuoc', 'danh', '000123'];

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const p = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const line = (name: string, value: string, goal: string, met: boolean | undefined) =>
  console.log(`${name.padEnd(40)} ${value.padStart(10)}   goal ${goal.padEnd(9)} ${met === undefined ? '' : met ? 'met' : 'NOT MET'}`);

/**
 * Sizes straight from the build: the entry script with the chunks it imports statically (the
 * bundler may move a shared library out of the entry; index.html then preloads it, and the phone
 * downloads it before the first screen all the same), and every script the service worker precaches.
 */
function sizes(dist: string): { entry: number; preloaded: number; precached: number; data: number; dataFiles: number; files: number; english: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/?([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const precached = urls.reduce((sum, url) => sum + gz(readFileSync(join(dist, url))), 0);
  // Reference data the app reads (the procedure catalog), precached beside the scripts: not JS,
  // but the phone downloads it at install all the same, so it is printed too.
  const dataUrls = [...sw.matchAll(/url:"([^"]+\.json)"/g)].map((m) => m[1] ?? '');
  const data = dataUrls.reduce((sum, url) => sum + gz(readFileSync(join(dist, url))), 0);
  const preloaded = preloads.reduce((sum, url) => sum + gz(readFileSync(join(dist, url))), 0);
  // English is fetched the first time a volunteer chooses it, then cached: not in the install.
  const englishFiles = readdirSync(join(dist, 'assets')).filter((name) => name.startsWith('lang-en-') && name.endsWith('.js'));
  const english = englishFiles.reduce((sum, name) => sum + gz(readFileSync(join(dist, 'assets', name))), 0);
  return { entry: gz(readFileSync(join(dist, entry))) + preloaded, preloaded: preloads.length, precached, data, dataFiles: dataUrls.length, files: urls.length, english };
}

async function throttle(context: BrowserContext, page: Page, link: boolean): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  if (link) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK);
  }
}

/** Marks the moment the first usable screen (setup, or the household list) is in the page. */
const MARK_INTERACTIVE = `
  new MutationObserver((_, observer) => {
    const field = document.querySelector('#volunteerName, #search');
    if (field && !field.disabled) { window.__interactiveAt = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

async function interactiveAt(page: Page): Promise<number> {
  await page.waitForFunction(() => typeof (window as unknown as { __interactiveAt?: number }).__interactiveAt === 'number', undefined, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt);
}

async function buildHarness(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'langso-bench-harness-'));
  process.env['NODE_ENV'] = 'production';
  await build({
    configFile: false,
    // The app's own modules, built as the app is: production, whatever NODE_ENV says.
    mode: 'production',
    logLevel: 'warn',
    resolve: { alias: [{ find: /^dexie$/, replacement: join(root, 'node_modules/dexie/dist/modern/dexie.mjs') }] },
    build: { outDir, emptyOutDir: true, lib: { entry: join(root, 'test/e2e/helpers/bench-harness.ts'), formats: ['es'], fileName: () => 'harness.js' } },
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/harness.js"></script>');
  return outDir;
}

const loadBefore = loadavg()[0] ?? 0;
const dist = await buildPwa(`bench-${Date.now()}`);
const harness = await buildHarness();
const app = await startStaticServer(dist);
const lab = await startStaticServer(harness);
const browser = await launchChromium();
try {
  const size = sizes(dist);

  // Cold first load: empty cache, no service worker yet, throttled link and CPU.
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'allow' });
  await context.addInitScript(MARK_INTERACTIVE);
  const page = await context.newPage();
  await throttle(context, page, true);
  await page.goto(app.url, { timeout: 120_000 });
  const cold = await interactiveAt(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 120_000 });
  // A volunteer in training mode, so the reload lands on the household list.
  await page.fill('#volunteerName', 'Người Đo');
  await page.getByRole('button', { name: 'Vào chế độ tập huấn' }).click();
  await page.waitForSelector('#search', { timeout: 120_000 });

  // Offline reload: everything from the service worker's precache, CPU still 4×.
  await context.setOffline(true);
  const offlineRuns: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await page.reload();
    offlineRuns.push(await interactiveAt(page));
  }
  await context.close();

  // The store and the search, in the app's own code, at 4× CPU.
  const labContext = await browser.newContext();
  const labPage = await labContext.newPage();
  await throttle(labContext, labPage, false);
  await labPage.goto(lab.url);
  await labPage.waitForFunction(() => 'langsoBench' in globalThis);
  const saveTimes = await labPage.evaluate((n) => (globalThis as unknown as { langsoBench: { saves(n: number): Promise<number[]> } }).langsoBench.saves(n), 200);
  const searched = await labPage.evaluate(
    ({ n, q }) =>
      (globalThis as unknown as { langsoBench: { search(n: number, q: string[]): Promise<{ loadMs: number; rows: number; times: number[]; hits: number[] }> } }).langsoBench.search(n, q),
    { n: RESIDENTS, q: QUERIES },
  );
  await labContext.close();

  console.log(`Chromium ${browser.version()}, link 400 kbit/s + 400 ms latency (CDP), CPU throttled ${CPU}×`);
  console.log(`machine load ${loadBefore.toFixed(1)} (1-min average before the run, ${availableParallelism()} cores)\n`);
  line(`entry JS (gzip, with ${size.preloaded} preloaded)`, `${(size.entry / KB).toFixed(1)} KB`, '≤ 60 KB', size.entry <= 60 * KB);
  line(`all precached JS (gzip, ${size.files} files)`, `${(size.precached / KB).toFixed(1)} KB`, '≤ 100 KB', size.precached <= 100 * KB);
  line(`  beside it, precached data (gzip, ${size.dataFiles} JSON files)`, `${(size.data / KB).toFixed(1)} KB`, '', undefined);
  line('  not precached: English, fetched when chosen', `${(size.english / KB).toFixed(1)} KB`, '', undefined);
  line('cold first load → interactive', `${(cold / 1000).toFixed(2)} s`, '≤ 3 s', cold <= 3000);
  line('offline reload → interactive (median of 5)', `${(p(offlineRuns, 0.5) / 1000).toFixed(2)} s`, '≤ 0.8 s', p(offlineRuns, 0.5) <= 800);
  line(`save one record, p95 of ${saveTimes.length}`, `${p(saveTimes, 0.95).toFixed(1)} ms`, '≤ 30 ms', p(saveTimes, 0.95) <= 30);
  line('  median', `${p(saveTimes, 0.5).toFixed(1)} ms`, '', undefined);
  line(`search ${searched.rows.toLocaleString('en')} rows, p95 of ${searched.times.length}`, `${p(searched.times, 0.95).toFixed(1)} ms`, '≤ 50 ms', p(searched.times, 0.95) <= 50);
  line('  search index load from IndexedDB', `${(searched.loadMs / 1000).toFixed(2)} s`, '', undefined);
  if (searched.hits.every((h) => h === 0)) throw new Error('no query found anything: the search bench is broken');
} finally {
  await browser.close();
  await app.close();
  await lab.close();
  for (const dir of [dist, harness]) rmSync(dir, { recursive: true, force: true });
}
