import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureWorkspace, resolveWorkspaceDir, workspaceFile } from '../../../cli/workspace/workspace-dir.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'langso-ws-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the workspace folder', () => {
  it('is --workspace, else LANGSO_HOME, else ~/.langso', () => {
    const env = { LANGSO_HOME: join(dir, 'from-env') };
    expect(resolveWorkspaceDir({ flag: join(dir, 'flag'), env, home: dir })).toBe(join(dir, 'flag'));
    expect(resolveWorkspaceDir({ env, home: dir })).toBe(join(dir, 'from-env'));
    expect(resolveWorkspaceDir({ env: { LANGSO_HOME: '  ' }, home: dir })).toBe(join(dir, '.langso'));
  });

  it('is created owner-only (0700), and tightened if it already existed', () => {
    const ws = ensureWorkspace(join(dir, 'a', 'b'));
    expect(statSync(ws).mode & 0o777).toBe(0o700);
    const file = workspaceFile({ env: { LANGSO_HOME: join(dir, 'c') } }, 'sandbox.db');
    expect(file).toBe(join(dir, 'c', 'sandbox.db'));
    expect(statSync(join(dir, 'c')).mode & 0o777).toBe(0o700);
  });
});
