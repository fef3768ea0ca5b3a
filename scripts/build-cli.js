#!/usr/bin/env node
// Bundles the CLI's own TypeScript (cli/ + shared/) into dist/cli/langso.js with esbuild, so
// `langso` starts in a fraction of the time tsx needs to transform ~300 files. Packages from
// node_modules stay external (better-sqlite3 is native). Runs in `prepare`, so `npm ci` builds it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist/cli'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'cli/main.ts')],
  outdir: join(root, 'dist/cli'),
  entryNames: 'langso',
  // Code that only some commands need (the hub's X.509) loads in its own chunk, on demand.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
