import { join } from 'node:path';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { createSandboxTeam } from '../../helpers/sandbox-process.ts';
import { langso, type Run } from '../helpers/lead-cli.ts';
import { queueFromPhone } from './phone-records.ts';

export interface ReadyWorkspace {
  readonly dir: string;
  readonly teamId: string;
  run(args: readonly string[]): Promise<Run>;
}

/**
 * A lead's workspace ready to sync: `init` with `upstream`, `enrol` with a new sandbox team's
 * code, phone records with consent in review, then `review --approve-all-valid`.
 */
export async function readyWorkspace(
  parent: string,
  sandbox: { readonly dbFile: string },
  upstream: string,
  records: readonly WireRecord[],
): Promise<ReadyWorkspace> {
  const dir = join(parent, 'ws');
  const run = (args: readonly string[]): Promise<Run> => langso(['--workspace', dir, ...args]);
  const team = createSandboxTeam(sandbox.dbFile);
  await expectOk(run(['init', '--team', 'Tổ ấp Tân Lợi', '--commune', '31843', '--upstream', upstream]));
  await expectOk(run(['enrol', '--code', team.code]));
  await queueFromPhone(dir, records);
  await expectOk(run(['review', '--approve-all-valid']));
  return { dir, teamId: team.teamId, run };
}

async function expectOk(pending: Promise<Run>): Promise<void> {
  const run = await pending;
  if (run.code !== 0) throw new Error(`exit ${run.code}\n${run.stdout}\n${run.stderr}`);
}
