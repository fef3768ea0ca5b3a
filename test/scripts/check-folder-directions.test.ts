import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'check-folder-directions.ts');
const run = promisify(execFile);
let root: string | undefined;

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A tree of the given files (path → source), checked by the script. */
async function check(files: Record<string, string>): Promise<{ code: number; out: string }> {
  root = mkdtempSync(join(tmpdir(), 'langso-directions-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return run(process.execPath, ['--import', 'tsx', SCRIPT, root]).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: `${error.stdout}${error.stderr}` }),
  );
}

describe('the folder-directions check (npm run lint)', () => {
  it('passes the repository as it is', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT]);
    expect(stdout).toMatch(/all allowed, no cycle/);
  });

  it('refuses an import the table does not allow, naming the file', async () => {
    const result = await check({
      'cli/workspace/a.ts': "import { b } from '../intake/b.ts';\nexport const a = b;\n",
      'cli/intake/b.ts': 'export const b = 1;\n',
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain('cli/workspace/ may not import cli/intake/ (cli/workspace/a.ts imports cli/intake/b.ts)');
  });

  it('refuses a cycle between folders even through type-only and dynamic imports', async () => {
    const result = await check({
      'pwa/store/a.ts': "import type { B } from '../records/b.ts';\nexport type A = B;\n",
      'pwa/records/b.ts': "export type B = number;\nexport const load = () => import('../store/a.ts');\n",
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain('import cycle between folders pwa/records ↔ pwa/store');
  });

  it('asks for an entry for a folder it does not know', async () => {
    const result = await check({ 'shared/newthing/x.ts': "import { y } from '../domain/y.ts';\n", 'shared/domain/y.ts': 'export const y = 1;\n' });
    expect(result.code).toBe(1);
    expect(result.out).toContain('shared/newthing/ has no entry');
  });
});
