import { execFileSync } from 'node:child_process';

/**
 * Child-process tests run `node bin/langso.js`; bundling the CLI first makes each start ~2× faster
 * (the bin falls back to the TypeScript sources whenever the bundle is older than them).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.js'], { stdio: 'inherit' });
}
