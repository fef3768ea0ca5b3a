import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '..', '..', '..');

/** Builds the PWA into a fresh temp directory; `buildId` makes it a distinct app version. */
export async function buildPwa(buildId: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'langso-pwa-'));
  const before = process.env['LANGSO_BUILD_ID'];
  process.env['LANGSO_BUILD_ID'] = buildId;
  try {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env['LANGSO_BUILD_ID'];
    else process.env['LANGSO_BUILD_ID'] = before;
  }
  return outDir;
}
