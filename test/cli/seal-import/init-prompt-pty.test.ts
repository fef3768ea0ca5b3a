import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unlockLeadKeyFile } from '../../../shared/seal/keys.ts';
import { ROOT, scratch } from '../helpers/lead-cli.ts';

const tmp = scratch('seal-import-init-pty');
afterAll(() => tmp.dispose());

const ENTER = '\r';

/** Runs `langso init` in a pseudo-terminal (python3's pty module), typing at each prompt. */
function initInPty(ws: string, steps: readonly (readonly [string, string])[]): Promise<{ code: number; transcript: string }> {
  return new Promise((resolve) => {
    execFile(
      'python3',
      [
        join(ROOT, 'test/cli/helpers/pty-driver.py'),
        JSON.stringify(steps),
        process.execPath,
        'bin/langso.js',
        'init',
        '--team',
        'Tổ Tân Hưng',
        '--commune',
        '32002',
        '--workspace',
        ws,
      ],
      // No LANGSO_PASSPHRASE: the lead types it.
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', LANG: 'C', NO_COLOR: '1', TERM: 'xterm' } },
      (error, stdout) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, transcript: stdout }),
    );
  });
}

describe('langso init in a terminal', { timeout: 120_000 }, () => {
  it('asks for the passphrase twice, masked, asks again when the two differ, and locks the key with it', async () => {
    const ws = join(tmp.dir, 'ws');
    const { code, transcript } = await initInPty(ws, [
      ['Đặt cụm mật khẩu', `mật khẩu đầu tiên${ENTER}`],
      ['Nhập lại cụm mật khẩu', `gõ nhầm mất rồi${ENTER}`],
      ['Hai lần nhập không giống nhau', ''],
      ['Đặt cụm mật khẩu', `mật khẩu tổ Tân Hưng${ENTER}`],
      ['Nhập lại cụm mật khẩu', `mật khẩu tổ Tân Hưng${ENTER}`],
    ]);
    expect(code, transcript).toBe(0);
    expect(transcript).toContain('Dấu vân tay');
    expect(transcript).not.toContain('mật khẩu tổ Tân Hưng');
    const keyFile: unknown = JSON.parse(readFileSync(join(ws, 'lead-key.json'), 'utf8'));
    expect((await unlockLeadKeyFile(keyFile, 'mật khẩu tổ Tân Hưng')).ok).toBe(true);
  });
});
