import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ENGLISH_CHUNK, lazyChunkOf } from './pwa/build/chunk-groups.ts';
import { drawIconPng, ICONS } from './pwa/build/icon-png.ts';

const root = fileURLToPath(new URL('./pwa', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/pwa', import.meta.url));

/** A build id in the JS makes every build a new service-worker version (tests build two). */
const buildId = process.env['LANGSO_BUILD_ID'] ?? new Date().toISOString();

/**
 * Copies the trainers' demo households beside the app (training/households.json). JSON is not in
 * the precache's globPatterns: only a phone in training mode downloads it, on the trainer's tap.
 */
function trainingData(): Plugin {
  return {
    name: 'langso-training-data',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(fileURLToPath(new URL('./fixtures/demo/households.json', import.meta.url)));
      this.emitFile({ type: 'asset', fileName: 'training/households.json', source });
    },
  };
}

/**
 * The reference data files keep their provenance (sources, legal basis, notes) for people
 * reading the repository and for the CLI; the app ships only the lists its code reads.
 */
const REFERENCE_DATA = fileURLToPath(new URL('./shared/catalog/data/', import.meta.url));
const APP_REFERENCE_DATA: Readonly<Record<string, readonly string[]>> = {
  'communes.json': ['communes'],
  'cccd-provinces.json': ['codes'],
  'procedures.json': ['procedures'],
  'former-communes.json': ['communes'],
};

/** A data file as the app ships it (JSON text), or undefined for a file the app does not read. */
function appReferenceData(name: string): string | undefined {
  const keep = APP_REFERENCE_DATA[name];
  if (!keep) return undefined;
  const data = JSON.parse(readFileSync(join(REFERENCE_DATA, name), 'utf8')) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(keep.map((key) => [key, data[key]])));
}

/** The data files the app's scripts import, loaded without their provenance. */
function referenceDataWithoutProvenance(): Plugin {
  return {
    name: 'langso-reference-data',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      return id.startsWith(REFERENCE_DATA) ? (appReferenceData(id.slice(REFERENCE_DATA.length)) ?? null) : null;
    },
  };
}

/**
 * The procedure catalog's published text as data beside the app (catalog/procedures.json,
 * precached): the app fetches and parses it when a procedure screen opens, rather than carrying
 * 90 KB of text inside its scripts.
 */
function procedureCatalog(): Plugin {
  return {
    name: 'langso-procedure-catalog',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'catalog/procedures.json', source: appReferenceData('procedures.json') ?? '' });
      // The pre-2025 communes, for the commune picker's search by the names people still use.
      this.emitFile({ type: 'asset', fileName: 'catalog/former-communes.json', source: appReferenceData('former-communes.json') ?? '' });
    },
  };
}

/** Emits the icons drawn by pwa/build/icon-png.ts, so no binary lives in the repository. */
function icons(): Plugin {
  return {
    name: 'langso-icons',
    apply: 'build',
    async generateBundle() {
      for (const icon of ICONS) {
        this.emitFile({ type: 'asset', fileName: icon.fileName, source: await drawIconPng(icon) });
      }
    },
  };
}

const config: UserConfig = {
  root,
  base: '/',
  define: { __LANGSO_BUILD__: JSON.stringify(buildId) },
  resolve: {
    // Dexie's ES-module build for modern browsers: smaller than the UMD file its wrapper loads.
    alias: [{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) }],
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // The phone pays for every byte: no source maps in the shipped app.
    sourcemap: false,
    rolldownOptions: {
      // The edit screen imports the forms it edits while the shell imports them lazily: both end
      // up in the one lazy chunk below, so the bundler's warning about it says nothing useful.
      checks: { ineffectiveDynamicImport: false },
      output: {
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: lazyChunkOf, debugName: 'langso-lazy-chunks' }] },
      },
    },
  },
  plugins: [
    preact(),
    icons(),
    trainingData(),
    procedureCatalog(),
    referenceDataWithoutProvenance(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      manifest: {
        name: 'Làng số',
        short_name: 'Làng số',
        description: 'Ghi nhận người dân, tài khoản định danh điện tử và hồ sơ thủ tục — làm việc không cần mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#0b5e40',
        icons: ICONS.map((icon) => ({
          src: icon.fileName,
          sizes: `${icon.size}x${icon.size}`,
          type: 'image/png',
          purpose: icon.maskable ? 'maskable' : 'any',
        })),
      },
      workbox: {
        // A minified worker whatever NODE_ENV the build runs under (tests build with NODE_ENV=test).
        mode: 'production',
        // The procedure catalog is precached; the trainers' demo data (training/) is not.
        globPatterns: ['**/*.{js,css,html,png,webmanifest}', 'catalog/*.json'],
        // English is downloaded the first time a volunteer chooses it, then kept (cache first).
        globIgnores: [`assets/${ENGLISH_CHUNK}-*.js`],
        runtimeCaching: [
          {
            urlPattern: new RegExp(`/assets/${ENGLISH_CHUNK}-[\\w-]+\\.js$`),
            handler: 'CacheFirst',
            options: { cacheName: 'langso-english', expiration: { maxEntries: 4 } },
          },
        ],
        navigateFallback: 'index.html',
        // The sync API is never cached: records must reach the server, not a cache.
        navigateFallbackDenylist: [/^\/v1\//],
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once, so screens loaded later come from the
        // precache even if the network is gone before the first reload. Updates still wait.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
};

export default defineConfig(({ command }) => {
  // A build is a production build, whatever NODE_ENV the calling process carries: vitest sets
  // 'test', and child processes (`langso demo`'s `vite build`, tests that build the app) inherit
  // it. Vite decides production mode from process.env.NODE_ENV after loading this file, so it is
  // set here, once, for every caller: the app's `import.meta.env.PROD`, the preset's production
  // JSX, and vite-plugin-pwa's worker all follow it.
  if (command === 'build') process.env['NODE_ENV'] = 'production';
  return config;
});
