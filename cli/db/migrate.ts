import type Database from 'better-sqlite3';
import { UserError } from '../program/user-error.ts';

/**
 * One forward step of a database's schema. Versions start at 1 and never change once released:
 * a new need is a new migration, so a workspace made by an older langso always opens.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string | ((db: Database.Database) => void);
}

/** `PRAGMA user_version` holds the last migration applied. */
export function schemaVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/**
 * Applies the migrations the database lacks, each in its own transaction with its version
 * bump, so a crash leaves the database at a known version. A database newer than this program
 * is refused rather than guessed at.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migrations must be numbered 1..n without gaps (found ${migration.version} at ${index + 1})`);
    }
  });
  const latest = sorted.length;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new UserError('DB_TOO_NEW', { path: file, version: current, known: latest });
  }
  for (const migration of sorted.slice(current)) {
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
