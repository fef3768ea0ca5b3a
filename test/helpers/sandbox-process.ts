import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { openSandboxDatabase } from '../../cli/sandbox/sandbox.ts';
import { cryptoRandom, systemClock } from '../../cli/protocol-server/runtime.ts';
import { addEnrolCode, createTeam } from '../../cli/protocol-server/teams.ts';
import { EnrolResponseSchema } from '../../shared/sync/protocol.ts';
import * as v from 'valibot';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'langso.js');

/** `langso sandbox` fault knobs, as its flags name them. */
export interface SandboxFlags {
  readonly seed?: number;
  readonly failRate?: number;
  readonly latencyMs?: number;
  readonly cutAfterCommitRate?: number;
  readonly decideAfterMs?: number;
}

/** A `langso sandbox` child process over a SQLite file in its own temp folder. */
export interface SandboxProcess {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly dbFile: string;
  /** CPU seconds (user + system) the server process used so far; undefined without Linux /proc. */
  cpuSeconds(): number | undefined;
  /** SIGTERM, wait for the exit (SIGKILL after 10 s), remove the folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts `node bin/langso.js sandbox --db F --port 0 …` and reads its URL from the first line. */
export async function startSandboxProcess(flags: SandboxFlags = {}): Promise<SandboxProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'langso-sync-'));
  const dbFile = join(dir, 'province.db');
  const args = [BIN, 'sandbox', '--db', dbFile, '--port', '0', '--decide-after', String(flags.decideAfterMs ?? 3_600_000)];
  if (flags.seed !== undefined) args.push('--seed', String(flags.seed));
  if (flags.failRate !== undefined) args.push('--fail-rate', String(flags.failRate));
  if (flags.latencyMs !== undefined) args.push('--latency', String(flags.latencyMs));
  if (flags.cutAfterCommitRate !== undefined) args.push('--cut-after-commit-rate', String(flags.cutAfterCommitRate));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let url: string;
  try {
    url = await firstLine(child);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`sandbox did not start: ${error instanceof Error ? error.message : String(error)}\n${stderr}`);
  }
  const { hostname, port } = new URL(url);
  let stopping: Promise<void> | undefined;
  return {
    url,
    host: hostname,
    port: Number(port),
    dbFile,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () => {
      stopping ??= (async () => {
        await stopChild(child);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    const early = (code: number | null): void => reject(new Error(`exited early with ${code}`));
    lines.once('line', (line) => {
      lines.close();
      child.off('exit', early);
      if (/^http:\/\/127\.0\.0\.1:\d+$/.test(line)) resolve(line);
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', early);
  });
}

/** utime + stime from /proc/<pid>/stat, in USER_HZ ticks (100 per second on Linux). */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A new team in the sandbox's database and its one-time code — what `langso sandbox team create`
 * does, run here on the same file (WAL lets the running server and this connection share it)
 * because a CLI start per team costs seconds on a busy machine.
 */
export function createSandboxTeam(dbFile: string, name = 'Tổ công nghệ số cộng đồng'): { teamId: string; code: string } {
  const db = openSandboxDatabase(dbFile, true);
  try {
    const team = createTeam(db, name, systemClock, cryptoRandom);
    return { teamId: team.teamId, code: team.code };
  } finally {
    db.close();
  }
}

export interface EnrolledDevice {
  readonly deviceId: string;
  readonly token: string;
  readonly teamId: string;
}

/**
 * Enrols one device over HTTP, straight to the sandbox (no proxy): in a new team, or with one
 * more code of `teamId` (a device signing in again). A 503 from `--fail-rate` is tried again.
 */
export async function enrolDevice(
  sandbox: { readonly url: string; readonly dbFile: string },
  team: { readonly name?: string; readonly teamId?: string } = {},
): Promise<EnrolledDevice> {
  const code = team.teamId === undefined ? createSandboxTeam(sandbox.dbFile, team.name).code : newEnrolCode(sandbox.dbFile, team.teamId);
  for (let attempt = 1; ; attempt += 1) {
    const res = await fetch(`${sandbox.url}/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Điện thoại thử nghiệm' }),
    });
    if (res.status === 503 && attempt < 20) {
      await res.arrayBuffer();
      continue;
    }
    if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
    const body = v.parse(EnrolResponseSchema, await res.json());
    return { deviceId: body.deviceId, token: body.token, teamId: body.teamId };
  }
}

function newEnrolCode(dbFile: string, teamId: string): string {
  const db = openSandboxDatabase(dbFile, true);
  try {
    const code = addEnrolCode(db, teamId, systemClock, cryptoRandom);
    if (code === undefined) throw new Error(`no team ${teamId}`);
    return code;
  } finally {
    db.close();
  }
}

/** What the province holds for one team, read straight from its SQLite file (read-only). */
export interface ProvinceView {
  /** Record ids, sorted. */
  readonly ids: string[];
  /** Ids whose row appears more than once (cannot happen with a primary key; checked anyway). */
  readonly idsStoredTwice: string[];
  /** Ids with more than one "received" event: a record committed twice (every rev here is 1). */
  readonly idsReceivedTwice: string[];
  /** Records of this team with the same type and payload hash under different ids. */
  readonly sameContentUnderTwoIds: number;
}

export function readProvince(dbFile: string, teamId: string): ProvinceView {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare<[string], { id: string; n: number }>('SELECT id, COUNT(*) AS n FROM records WHERE team_id = ? GROUP BY id ORDER BY id').all(teamId);
    const received = db
      .prepare<[string], { id: string }>(
        "SELECT record_id AS id FROM record_events WHERE team_id = ? AND status = 'received' GROUP BY record_id HAVING COUNT(*) > 1",
      )
      .all(teamId);
    const sameContent = db
      .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM (SELECT 1 FROM records WHERE team_id = ? GROUP BY type, hash HAVING COUNT(*) > 1)')
      .get(teamId);
    return {
      ids: rows.map((row) => row.id),
      idsStoredTwice: rows.filter((row) => row.n > 1).map((row) => row.id),
      idsReceivedTwice: received.map((row) => row.id),
      sameContentUnderTwoIds: sameContent?.n ?? 0,
    };
  } finally {
    db.close();
  }
}

/** Marks a device's token revoked, as the province would (there is no endpoint for it). */
export function revokeDevice(dbFile: string, deviceId: string): void {
  const db = openSandboxDatabase(dbFile, true);
  try {
    db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(new Date().toISOString(), deviceId);
  } finally {
    db.close();
  }
}
