import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { langsoBin } from './paths.ts';

/** A `langso …` child the demo owns: started with `node bin/langso.js`, never through npx. */
export interface DemoChild {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the first stdout line that `accept` takes, or rejects if the child exits first. */
  firstLine(accept: (line: string) => boolean, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

export function startChild(name: string, args: readonly string[], env: NodeJS.ProcessEnv, log: (line: string) => void): DemoChild {
  const child = spawn(process.execPath, [langsoBin(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters) wake();
  });
  createInterface({ input: child.stderr! }).on('line', (line) => log(`[${name}] ${line}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    for (const wake of waiters) wake();
  });

  return {
    name,
    process: child,
    firstLine(accept, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`${name} did not start within ${timeoutMs} ms`)), timeoutMs);
        const check = (): void => {
          const found = lines.find(accept);
          if (found !== undefined) finish(undefined, found);
          else if (child.exitCode !== null || child.signalCode !== null) finish(new Error(`${name} exited (${child.exitCode ?? child.signalCode})`));
        };
        const finish = (error: Error | undefined, line?: string): void => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
