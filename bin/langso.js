#!/usr/bin/env node
// Runs the bundled CLI (dist/cli/langso.js, built by `npm ci` through `prepare`) when it is newer
// than every source file; otherwise runs the TypeScript directly through tsx, so an edit is never
// hidden behind a stale bundle.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/cli/langso.js');

function newestSource() {
  let newest = 0;
  for (const dir of ['cli', 'shared', 'fixtures']) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const mtime = statSync(join(entry.parentPath, entry.name)).mtimeMs;
      if (mtime > newest) newest = mtime;
    }
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.LANGSO_FROM_SOURCE) return false;
  try {
    return statSync(bundle).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv);
