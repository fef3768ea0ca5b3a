import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open-database.ts';
import { PROTOCOL_SERVER_MIGRATIONS } from '../protocol-server/migrations.ts';

/** The hub's own protocol-server store, beside the lead's `langso.db` in the workspace. */
export const HUB_DB_FILE = 'hub.db';

export function hubDatabaseFile(workspaceDir: string): string {
  return join(workspaceDir, HUB_DB_FILE);
}

/** Opens (creating and migrating) `<workspace>/hub.db`: the same schema as the sandbox's store. */
export function openHubDatabase(workspaceDir: string, mustExist = false): Database.Database {
  return openDatabase(hubDatabaseFile(workspaceDir), { migrations: PROTOCOL_SERVER_MIGRATIONS, mustExist });
}
