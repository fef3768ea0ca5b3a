import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { ensurePwaBuilt } from './build-pwa.ts';
import { startChild, type DemoChild } from './child.ts';
import { langsoBin, repoRoot } from './paths.ts';

export interface DemoOptions {
  /** Folder of the demo's own workspace; wiped at start unless `keep`. */
  readonly dir: string;
  readonly keep: boolean;
  readonly lan: boolean;
  readonly port: number;
  /** Milliseconds before the sandbox province decides (short, so a class sees decisions). */
  readonly decideAfterMs: number;
  readonly log: (line: string) => void;
  /** Logged before the PWA is built, in the user's language (cli/demo has no catalog of its own). */
  readonly buildingMessage: string;
}

export interface RunningDemo {
  readonly pwaUrl: string;
  readonly urls: readonly string[];
  readonly sandboxUrl: string;
  readonly codes: readonly string[];
  readonly workspace: string;
  readonly team: string;
  readonly stop: () => Promise<void>;
  /** Resolves when a child stops on its own (a crash), naming it. */
  readonly died: Promise<string>;
}

const TeamCreatedSchema = v.object({ teamId: v.string(), code: v.string() });
const HubReadySchema = v.object({ url: v.nullable(v.string()), urls: v.array(v.string()), team: v.string(), codes: v.array(v.string()) });

const DEMO_TEAM = 'Tổ công nghệ số cộng đồng xã Hồng Dân (tập huấn)';
const DEMO_COMMUNE = '31843';
export const DEMO_PASSPHRASE = 'tap-huan-lang-so';

/** Runs `langso ARGS` to completion; throws with its stderr when it fails. */
function langso(args: readonly string[], env: NodeJS.ProcessEnv): string {
  const run = spawnSync(process.execPath, [langsoBin(), ...args], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`langso ${args[0] ?? ''} failed (exit ${run.status ?? run.signal}): ${run.stderr.trim()}`);
  return run.stdout;
}

/**
 * The one-command demo: the sandbox province, the team lead's workspace loaded with the
 * demo fixtures, and the hub serving the built PWA. Training records only: the sandbox and hub run
 * with --training, and a real province refuses them.
 */
export async function runDemo(options: DemoOptions): Promise<RunningDemo> {
  const pwaDir = ensurePwaBuilt(options.log, options.buildingMessage);
  if (!options.keep) rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  // The demo lead's key passphrase is not a secret: training data only (fixtures/README.md).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANGSO_HOME: options.dir,
    LANGSO_PASSPHRASE: process.env['LANGSO_PASSPHRASE'] ?? DEMO_PASSPHRASE,
  };
  const sandboxDb = join(options.dir, 'sandbox.db');
  const children: DemoChild[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((child) => child.stop()));
  };

  try {
    const team = v.parse(TeamCreatedSchema, JSON.parse(langso(['sandbox', 'team', 'create', '--db', sandboxDb, '--name', DEMO_TEAM, '--json'], env)));
    const sandbox = startChild(
      'sandbox',
      ['sandbox', '--db', sandboxDb, '--port', '0', '--training', '--decide-after', String(options.decideAfterMs)],
      env,
      options.log,
    );
    children.push(sandbox);
    const sandboxUrl = (await sandbox.firstLine((line) => line.startsWith('http://'), 60_000)).trim();

    langso(['init', '--team', DEMO_TEAM, '--commune', DEMO_COMMUNE, '--upstream', sandboxUrl, ...(options.keep ? ['--force'] : [])], env);
    langso(['enrol', '--server', sandboxUrl, '--code', team.code], env);
    langso(['import', join(repoRoot(), 'fixtures', 'demo', 'households.json'), '--volunteer', 'Dữ liệu mẫu', '--json'], env);

    const hubArgs = ['hub', '--pwa', pwaDir, '--port', String(options.port), '--training', '--codes', '5', '--json'];
    if (options.lan) hubArgs.push('--host', '0.0.0.0');
    const hub = startChild('hub', hubArgs, env, options.log);
    children.push(hub);
    const ready = v.parse(HubReadySchema, JSON.parse(await hub.firstLine((line) => line.startsWith('{'), 60_000)));

    const died = new Promise<string>((resolve) => {
      for (const child of children) child.process.once('exit', () => resolve(child.name));
    });
    return {
      pwaUrl: ready.url ?? ready.urls[0] ?? '',
      urls: ready.urls,
      sandboxUrl,
      codes: ready.codes,
      workspace: options.dir,
      team: ready.team,
      stop,
      died,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
