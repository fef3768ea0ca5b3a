import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime, repoRoot } from './paths.ts';

/**
 * Builds the PWA into dist/pwa when it is missing or older than its sources; returns the folder.
 * `building` is logged first, as the build takes a while; the caller words it in the user's language.
 */
export function ensurePwaBuilt(log: (line: string) => void, building: string): string {
  const root = repoRoot();
  const out = join(root, 'dist', 'pwa');
  const index = join(out, 'index.html');
  const stale = !existsSync(index) || statSync(index).mtimeMs < newestMtime([join(root, 'pwa'), join(root, 'shared')]);
  if (!stale) return out;
  log(building);
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0 || !existsSync(index)) throw new Error(`vite build failed (exit ${run.status ?? run.signal})`);
  return out;
}
