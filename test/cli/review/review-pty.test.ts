import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, langso, PEOPLE, readDb, ROOT, scratch } from '../helpers/lead-cli.ts';

const tmp = scratch('lead-review-pty');
const ws = join(tmp.dir, 'ws');
afterAll(() => tmp.dispose());
beforeAll(async () => {
  expect((await langso(['init', '--team', 'Tổ Tân Hòa', '--commune', '32002', '--workspace', ws])).code).toBe(0);
  expect((await langso(['import', tmp.file('two.csv', csv(PEOPLE.an, PEOPLE.cuong)), '--workspace', ws])).code).toBe(0);
});

const DOWN = '\u001b[B';
const ENTER = '\r';

/** Runs `langso review` in a pseudo-terminal (python3's pty module), answering each prompt. */
function reviewInPty(steps: readonly (readonly [string, string])[]): Promise<{ code: number; transcript: string }> {
  return new Promise((resolve) => {
    execFile(
      'python3',
      [join(ROOT, 'test/cli/helpers/pty-driver.py'), JSON.stringify(steps), process.execPath, 'bin/langso.js', 'review', '--workspace', ws],
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', LANG: 'C', NO_COLOR: '1', TERM: 'xterm' } },
      (error, stdout) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, transcript: stdout }),
    );
  });
}

describe('langso review (interactive, in a terminal)', () => {
  it('shows one record at a time and takes approve, then reject with a reason', async () => {
    const { code, transcript } = await reviewInPty([
      ['Quyết định cho bản ghi này?', ENTER],
      ['Quyết định cho bản ghi này?', `${DOWN}${ENTER}`],
      ['Lý do từ chối:', `Sai ấp${ENTER}`],
    ]);
    expect(transcript).toContain('Nguyễn Văn An');
    expect(transcript).toContain('Lê Văn Cường');
    expect(transcript).toContain('duyệt 1, từ chối 1, bỏ qua 0');
    expect(code).toBe(0);
    const states = readDb(ws, (db) => db.prepare('SELECT full_name, review_state, review_reason FROM records ORDER BY created_at, id').all());
    expect(states).toEqual([
      { full_name: 'Nguyễn Văn An', review_state: 'approved', review_reason: null },
      { full_name: 'Lê Văn Cường', review_state: 'rejected', review_reason: 'Sai ấp' },
    ]);
  });
});
