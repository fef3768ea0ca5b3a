import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'langso.js');
// LANGSO_PASSPHRASE: `langso init` makes the lead's key pair; the hub itself needs none.
const ENV = { PATH: process.env['PATH'] ?? '', LANG: 'en_US.UTF-8', NO_COLOR: '1', LANGSO_PASSPHRASE: 'mật khẩu tập huấn' };

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node bin/langso.js …` to its end. */
export function langso(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A running `langso hub` child: its stdout lines so far, its stderr, and a clean stop. */
export interface HubProcess {
  readonly child: ChildProcess;
  readonly lines: readonly string[];
  stderr(): string;
  /** SIGTERM and the exit code (SIGKILL after 15 s, then -1). Safe to call twice. */
  stop(): Promise<number>;
}

/**
 * Starts `node bin/langso.js --workspace W hub …` on 127.0.0.1 and resolves once its stdout
 * holds a line matching `ready` (the JSON line, or the banner's last line).
 */
export async function startHubProcess(workspace: string, args: readonly string[], ready: RegExp): Promise<HubProcess> {
  const child = spawn(process.execPath, [BIN, '--workspace', workspace, 'hub', ...args], {
    cwd: ROOT,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code) => resolve(code ?? -1));
  });
  await new Promise<void>((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const reader = createInterface({ input: child.stdout });
    reader.on('line', (line) => {
      lines.push(line);
      if (ready.test(line)) resolve();
    });
    void exited.then((code) => reject(new Error(`hub exited early with ${code}\n${lines.join('\n')}\n${stderr}`)));
  });
  let stopping: Promise<number> | undefined;
  return {
    child,
    lines,
    stderr: () => stderr,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null) return child.exitCode;
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.kill('SIGTERM');
        const code = await exited;
        clearTimeout(force);
        return code;
      })();
      return stopping;
    },
  };
}
