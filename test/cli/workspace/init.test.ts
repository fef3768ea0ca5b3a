import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { langso, parseJson, readDb, scratch } from '../helpers/lead-cli.ts';

const tmp = scratch('lead-init');
afterAll(() => tmp.dispose());

describe('langso init', () => {
  const ws = join(tmp.dir, 'ws');

  it('makes an owner-only workspace with a WAL database and the team settings', async () => {
    const run = await langso(['init', '--team', 'Tổ CNS ấp Tân Hòa', '--commune', '32002', '--upstream', 'https://dvc.example.test', '--workspace', ws, '--json']);
    expect(run.code).toBe(0);
    expect(parseJson(run)).toEqual({
      workspace: ws,
      team: 'Tổ CNS ấp Tân Hòa',
      communeCode: '32002',
      communeName: 'Phường An Xuyên',
      upstream: 'https://dvc.example.test/',
      leadKeys: {
        fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/),
        encryptionKeyId: expect.stringMatching(/^[0-9a-f]{64}$/),
        signingKeyId: expect.stringMatching(/^[0-9a-f]{64}$/),
        created: true,
        retired: null,
      },
    });
    expect(statSync(ws).mode & 0o777).toBe(0o700);
    expect(statSync(join(ws, 'langso.db')).mode & 0o777).toBe(0o600);
    const journal = readDb(ws, (db) => db.pragma('journal_mode', { simple: true }));
    expect(journal).toBe('wal');
    expect(readDb(ws, (db) => db.pragma('user_version', { simple: true }))).toBeGreaterThanOrEqual(1);
  });

  it('refuses a second init without --force, and keeps the first settings', async () => {
    const run = await langso(['init', '--team', 'Khác', '--commune', '32002', '--workspace', ws]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--force');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const forced = await langso(['init', '--force', '--team', 'Tổ mới', '--commune', '31942', '--workspace', ws, '--json']);
    expect(forced.code).toBe(0);
    expect(parseJson(forced)).toMatchObject({ team: 'Tổ mới', communeCode: '31942', upstream: null });
  });

  it('refuses a commune outside the 64, naming what a pre-2025 code became, and creates nothing', async () => {
    const fresh = join(tmp.dir, 'never');
    const unknown = await langso(['init', '--team', 'T', '--commune', '99999', '--workspace', fresh]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('99999');
    const former = await langso(['--lang', 'en', 'init', '--team', 'T', '--commune', '32113', '--workspace', fresh]);
    expect(former.code).toBe(2);
    expect(former.stderr).toContain('32119');
    expect(existsSync(fresh)).toBe(false);
  });

  it('exits 2 on a missing required flag or a bad URL', async () => {
    expect((await langso(['init', '--commune', '32002', '--workspace', join(tmp.dir, 'x')])).code).toBe(2);
    const url = await langso(['init', '--team', 'T', '--commune', '32002', '--upstream', 'ftp://x', '--workspace', join(tmp.dir, 'x')]);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('ftp://x');
  });

  it('tells a lead to run init first when there is no workspace yet', async () => {
    for (const command of [['import', 'none.csv'], ['review', '--list'], ['status'], ['report'], ['export']]) {
      const run = await langso([...command, '--workspace', join(tmp.dir, 'empty')]);
      expect(run.code, command.join(' ')).toBe(2);
      expect(run.stderr).toContain('langso init');
    }
  });

  it('shows help with an example for every lead command', async () => {
    for (const command of ['init', 'enrol', 'import', 'review', 'status', 'report', 'export']) {
      const run = await langso([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`Ví dụ:\\n\\s+langso .*${command}`));
    }
  });
});
