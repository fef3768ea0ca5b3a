#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in its own process (fresh heap, honest peak
// memory) and lets each print its figures. Pass names to run a subset: npm run bench -- check sync
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
spawnSync(process.execPath, [join(root, 'scripts/build-cli.js')], { stdio: 'inherit' });
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file.replace(/\.bench\.ts$/, '')} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('bench', file)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
