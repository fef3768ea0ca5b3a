import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open-database.ts';
import { UserError } from '../program/user-error.ts';
import { ensureWorkspace, resolveWorkspaceDir } from './workspace-dir.ts';
import { LEAD_MIGRATIONS } from './migrations.ts';

export const LEAD_DB_FILE = 'langso.db';

export interface WorkspaceOptions {
  /** The global `--workspace` flag. */
  readonly workspace?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** `init` creates the workspace; every other command needs one already made. */
  readonly create?: boolean;
}

export interface LeadWorkspace {
  readonly dir: string;
  readonly file: string;
  readonly db: Database.Database;
}

/**
 * Owns the database's life around one piece of work: open (creating the owner-only folder and
 * file and migrating forward when `create`), run, and close in `finally` — also when the work
 * throws, so a user's mistake never leaves the WAL open.
 */
export async function withWorkspace<T>(
  options: WorkspaceOptions,
  work: (workspace: LeadWorkspace) => Promise<T> | T,
): Promise<T> {
  const dir = resolveWorkspaceDir({ flag: options.workspace, env: options.env });
  const file = join(dir, LEAD_DB_FILE);
  if (!options.create && !existsSync(file)) throw new UserError('LEAD_NOT_INITIALISED', { path: dir });
  ensureWorkspace(dir);
  const db = openDatabase(file, { migrations: LEAD_MIGRATIONS });
  try {
    return await work({ dir, file, db });
  } finally {
    db.close();
  }
}
