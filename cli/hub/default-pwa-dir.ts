import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `dist/pwa` of the langso package (where `npx vite build` puts the app), found from this
 * module whether it runs from the sources (cli/hub) or from the bundle (dist/cli).
 */
export function defaultPwaDir(from: string = import.meta.dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'pwa');
    if (dirname(dir) === dir) return undefined;
  }
}
