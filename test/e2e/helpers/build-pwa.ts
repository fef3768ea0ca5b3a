import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '..', '..', '..');

/** Builds the PWA into a fresh temp directory; `buildId` makes it a distinct app version. */
export async function buildPwa(buildId: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'langso-pwa-'));
  // Vitest runs with NODE_ENV=test; the app must be built exactly as `npm run build` builds it.
  // vite.config.ts forces production for any build, which changes this process's NODE_ENV too:
  // it is set here explicitly as well (with `mode`), and put back afterwards for the tests.
  const before = { id: process.env['LANGSO_BUILD_ID'], env: process.env['NODE_ENV'] };
  process.env['LANGSO_BUILD_ID'] = buildId;
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    restore('LANGSO_BUILD_ID', before.id);
    restore('NODE_ENV', before.env);
  }
  return outDir;
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
