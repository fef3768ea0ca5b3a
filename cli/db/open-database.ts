import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../program/user-error.ts';
import { migrate, type Migration } from './migrate.ts';

export interface OpenDatabaseOptions {
  readonly migrations: readonly Migration[];
  /** How long a writer waits for another connection's lock before SQLITE_BUSY. */
  readonly busyTimeoutMs?: number;
  /** Open an existing database only (e.g. `stats` must not create an empty one). */
  readonly mustExist?: boolean;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a SQLite file the way every langso store wants it: owner-only file, WAL (readers never
 * block the writer), a busy timeout instead of instant SQLITE_BUSY, full fsync on commit (a
 * receipt given is never lost on power failure), foreign keys on, migrations applied.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Database.Database {
  if (options.mustExist && !existsSync(file)) throw new UserError('FILE_NOT_FOUND', { path: file });
  let db: Database.Database;
  try {
    if (!existsSync(file)) {
      // Created owner-only before SQLite touches it; SQLite gives -wal and -shm the same mode.
      closeSync(openSync(file, 'a', 0o600));
      chmodSync(file, 0o600);
    }
    db = new Database(file, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new UserError('DB_UNREADABLE', { path: file, reason: reasonOf(error) }, undefined, { cause: error });
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations, file);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw new UserError('DB_UNREADABLE', { path: file, reason: reasonOf(error) }, undefined, { cause: error });
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
