import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'langso.js');
const run = promisify(execFile);

export interface Sandbox {
  readonly url: string;
  /** The province's SQLite file, to look at what it holds. */
  readonly dbFile: string;
  /** A fresh one-time team code. */
  teamCode(): Promise<string>;
  stop(): Promise<void>;
}

/** The sandbox province as a child process (`node bin/langso.js sandbox`), on a port it picks. */
export async function startSandbox(dir: string): Promise<Sandbox> {
  const db = join(dir, 'province.db');
  const env = { ...process.env, LANGSO_HOME: join(dir, 'home'), LANG: 'en_US.UTF-8' };
  const child: ChildProcess = spawn(process.execPath, [BIN, 'sandbox', '--db', db, '--port', '0', '--decide-after', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    url,
    dbFile: db,
    async teamCode() {
      const { stdout } = await run(process.execPath, [BIN, 'sandbox', 'team', 'create', '--db', db, '--json'], { env });
      return (JSON.parse(stdout) as { code: string }).code;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
