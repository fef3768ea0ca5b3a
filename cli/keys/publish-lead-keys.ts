import { existsSync } from 'node:fs';
import type { LeadPublicKeys } from '../../shared/sync/public-keys.ts';
import { hubDatabaseFile, openHubDatabase } from '../workspace/hub-database.ts';
import { hubTeamId, setHubLeadKeys } from '../workspace/hub-team.ts';

/**
 * New keys reach the hub's store at once, so phones enrolling or refreshing their catalog from
 * a hub that is already running get them too (the hub also copies them at every start). A
 * workspace whose hub never started has nothing to update.
 */
export function publishLeadKeysToHub(workspaceDir: string, keys: LeadPublicKeys): void {
  if (!existsSync(hubDatabaseFile(workspaceDir))) return;
  const db = openHubDatabase(workspaceDir, true);
  try {
    const teamId = hubTeamId(db);
    if (teamId !== undefined) setHubLeadKeys(db, teamId, keys);
  } finally {
    db.close();
  }
}
