import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireRecord } from '../protocol-server/harness.ts';
import { uuidv7 } from 'uuidv7';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'langso.js');
const run = promisify(execFile);

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'langso-cli-sandbox-'));
  env = { ...process.env, LANGSO_HOME: join(dir, 'home'), LANG: 'en_US.UTF-8', LC_ALL: '' };
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function langso(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return run(process.execPath, [BIN, ...args], { env }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => ({ stdout: error.stdout, stderr: error.stderr, code: error.code }),
  );
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited early with ${code}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

// Each run of the CLI starts Node and tsx: slow on a busy 2-core machine, hence the long timeout.
describe('langso sandbox (child process)', { timeout: 120_000 }, () => {
  it('creates a team, serves enrolment and batches, stops on SIGTERM with 0, and reports stats', async () => {
    const db = join(dir, 'province.db');
    const created = await langso('sandbox', 'team', 'create', '--db', db, '--name', 'Tổ ấp Tân Lợi', '--json');
    expect(created.code).toBe(0);
    const team = JSON.parse(created.stdout) as { teamId: string; code: string };
    expect(Object.keys(team).sort()).toEqual(['code', 'teamId']);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const more = await langso('sandbox', 'team', 'code', team.teamId, '--db', db, '--json');
    const second = JSON.parse(more.stdout) as { teamId: string; code: string };
    expect(second.teamId).toBe(team.teamId);
    expect(second.code).not.toBe(team.code);

    const child = spawn(process.execPath, [BIN, 'sandbox', '--db', db, '--port', '0', '--decide-after', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await firstLine(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const enrol = await fetch(`${url}/v1/devices`, { method: 'POST', body: JSON.stringify({ code: team.code }) });
      expect(enrol.status).toBe(201);
      const device = (await enrol.json()) as { deviceId: string; token: string; teamId: string };
      expect(device.teamId).toBe(team.teamId);
      const secondPhone = await fetch(`${url}/v1/devices`, { method: 'POST', body: JSON.stringify({ code: second.code }) });
      expect(secondPhone.status).toBe(201);

      const record = await wireRecord('resident');
      const batchId = uuidv7();
      const res = await fetch(`${url}/v1/batches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.token}`, 'idempotency-key': batchId },
        body: JSON.stringify({ protocol: 1, batchId, deviceId: device.deviceId, records: [record] }),
      });
      expect(((await res.json()) as { receipts: { status: string }[] }).receipts[0]?.status).toBe('accepted');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exitOf(child)).toBe(0);

    const stats = await langso('sandbox', 'stats', '--db', db, '--json');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({
      teams: 1,
      devices: 2,
      records: 1,
      byTypeAndStatus: [{ type: 'resident', status: 'received', count: 1 }],
      duplicates: [],
    });
    const human = await langso('sandbox', 'stats', '--db', db);
    expect(human.stdout).toContain('resident');
    expect(human.stdout).toContain('No duplicate records.');
  });

  it('tells the trainer on its terminal each fault it injects and each replay, in the terminal language', async () => {
    const db = join(dir, 'faults.db');
    const team = JSON.parse((await langso('sandbox', 'team', 'create', '--db', db, '--json')).stdout) as { code: string };
    const child = spawn(process.execPath, [BIN, 'sandbox', '--db', db, '--port', '0', '--cut-after-commit-rate', '1', '--seed', '3'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    try {
      const url = await firstLine(child);
      const device = (await (await fetch(`${url}/v1/devices`, { method: 'POST', body: JSON.stringify({ code: team.code }) })).json()) as {
        deviceId: string;
        token: string;
      };
      const record = await wireRecord('resident');
      const batchId = uuidv7();
      const send = () =>
        fetch(`${url}/v1/batches`, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'idempotency-key': batchId },
          body: JSON.stringify({ protocol: 1, batchId, deviceId: device.deviceId, records: [record] }),
        });
      await expect(send()).rejects.toThrow();
      expect((await send()).status).toBe(200);
      // The answer can reach us before the server's line reaches its stderr pipe.
      const said = (line: string) => stderr.split('\n').includes(line);
      const cut = `Injected fault: batch ${batchId} committed 1 record(s), then the connection was cut before the answer.`;
      const replayed = `Batch ${batchId} sent again: the stored answer is returned as it was, nothing stored twice.`;
      for (let waited = 0; !(said(cut) && said(replayed)) && waited < 10_000; waited += 50) await sleep(50);
      expect(said(cut)).toBe(true);
      expect(said(replayed)).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exitOf(child)).toBe(0);
  });

  it('puts the database in the workspace by default', async () => {
    const created = await langso('sandbox', 'team', 'create');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('One-time enrolment code:');
    expect(statSync(join(dir, 'home', 'sandbox.db')).isFile()).toBe(true);
    expect(statSync(join(dir, 'home')).mode & 0o777).toBe(0o700);
  });

  it('refuses a bad number with exit 2 and a message naming the flag', async () => {
    const port = await langso('sandbox', '--port', 'eighty', '--db', join(dir, 'x.db'));
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port');
    const rate = await langso('--lang', 'vi', 'sandbox', '--fail-rate', '1.5', '--db', join(dir, 'x.db'));
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('Cờ --fail-rate');
  });

  it('says when the database or the team does not exist, with exit 2', async () => {
    const [missing, unknownTeam] = await Promise.all([
      langso('sandbox', 'stats', '--db', join(dir, 'missing.db')),
      langso('sandbox', 'team', 'code', 'no-such-team', '--db', join(dir, 'province.db')),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.db');
    expect(unknownTeam.code).toBe(2);
    expect(unknownTeam.stderr).toContain('no-such-team');
  });

  it('shows an example in the help of each command', async () => {
    const helps = await Promise.all(
      [['sandbox'], ['sandbox', 'team', 'create'], ['sandbox', 'team', 'code'], ['sandbox', 'stats']].map((args) => langso(...args, '--help')),
    );
    for (const help of helps) {
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Example:\n\s+langso sandbox/);
    }
  });
});
