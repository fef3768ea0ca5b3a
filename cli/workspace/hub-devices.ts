import { existsSync } from 'node:fs';
import * as v from 'valibot';
import { keyId } from '../../shared/seal/jwk.ts';
import type { EnrolledDevice } from '../../shared/seal/unseal.ts';
import { hubDatabaseFile, openHubDatabase } from './hub-database.ts';
import { hubTeamId } from './hub-team.ts';
import { UserError } from '../program/user-error.ts';
import { EcPublicJwkSchema } from '../../shared/sync/public-keys.ts';

/** The workspace's team as phones know it: the hub's team id, and the phones enrolled in it. */
export interface HubTeam {
  readonly teamId: string;
  /** Phones that registered a signing key and are not revoked. */
  readonly devices: readonly EnrolledDevice[];
  /** The name each phone gave at enrolment, to show the lead whose batch it is. */
  readonly names: ReadonlyMap<string, string>;
}

interface DeviceRow {
  id: string;
  name: string | null;
  public_key: string | null;
}

/**
 * Reads the hub's store (`hub.db`, beside `langso.db`): phones enrol with the lead's hub, which
 * keeps each one's public signing key, so a `.langso` file is checked against the phones of this
 * team only. Without a hub team there is nothing to check a file against: a usage error.
 */
export async function readHubTeam(workspaceDir: string): Promise<HubTeam> {
  if (!existsSync(hubDatabaseFile(workspaceDir))) throw new UserError('LEAD_SEALED_NO_HUB', { path: workspaceDir });
  const db = openHubDatabase(workspaceDir, true);
  let teamId: string | undefined;
  let rows: DeviceRow[];
  try {
    teamId = hubTeamId(db);
    rows =
      teamId === undefined
        ? []
        : db
            .prepare<[string], DeviceRow>(
              'SELECT id, name, public_key FROM devices WHERE team_id = ? AND revoked_at IS NULL AND public_key IS NOT NULL',
            )
            .all(teamId);
  } finally {
    db.close();
  }
  if (teamId === undefined) throw new UserError('LEAD_SEALED_NO_HUB', { path: workspaceDir });
  const devices: EnrolledDevice[] = [];
  const names = new Map<string, string>();
  for (const row of rows) {
    if (row.name !== null) names.set(row.id, row.name);
    const jwk = parseJwk(row.public_key);
    // A key that is not a P-256 point can sign nothing: that phone is simply not a signer.
    if (jwk) devices.push({ deviceId: row.id, keyId: await keyId(jwk) });
  }
  return { teamId, devices, names };
}

function parseJwk(text: string | null): v.InferOutput<typeof EcPublicJwkSchema> | undefined {
  if (text === null) return undefined;
  try {
    const parsed = v.safeParse(EcPublicJwkSchema, JSON.parse(text));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}
