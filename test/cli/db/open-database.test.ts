import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../../cli/db/migrate.ts';
import { openDatabase } from '../../../cli/db/open-database.ts';
import { isUserError } from '../../../cli/program/user-error.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'langso-db-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const V1: Migration = { version: 1, name: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)' };
const V2: Migration = {
  version: 2,
  name: 'note tags',
  up: (db) => {
    db.exec('ALTER TABLE notes ADD COLUMN tag TEXT');
    db.prepare("UPDATE notes SET tag = 'old'").run();
  },
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isUserError(error) ? error.code : 'not a UserError';
  }
  return undefined;
}

describe('openDatabase', () => {
  it('creates an owner-only file in WAL mode with a busy timeout', () => {
    const file = join(dir, 'a.db');
    const db = openDatabase(file, { migrations: [V1], busyTimeoutMs: 1234 });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('migrates forward from the version found, keeping the data', () => {
    const file = join(dir, 'b.db');
    const first = openDatabase(file, { migrations: [V1] });
    first.prepare("INSERT INTO notes (text) VALUES ('giữ lại')").run();
    first.close();
    const second = openDatabase(file, { migrations: [V1, V2] });
    try {
      expect(second.pragma('user_version', { simple: true })).toBe(2);
      expect(second.prepare('SELECT text, tag FROM notes').get()).toEqual({ text: 'giữ lại', tag: 'old' });
    } finally {
      second.close();
    }
  });

  it('refuses a database newer than the program with DB_TOO_NEW', () => {
    const file = join(dir, 'c.db');
    openDatabase(file, { migrations: [V1, V2] }).close();
    expect(codeOf(() => openDatabase(file, { migrations: [V1] }))).toBe('DB_TOO_NEW');
  });

  it('refuses a file that is not a database with DB_UNREADABLE, and a missing one with FILE_NOT_FOUND when it must exist', () => {
    const file = join(dir, 'junk.db');
    writeFileSync(file, 'this is not sqlite, just text that is long enough to be read as a header');
    expect(codeOf(() => openDatabase(file, { migrations: [V1] }))).toBe('DB_UNREADABLE');
    expect(codeOf(() => openDatabase(join(dir, 'none.db'), { migrations: [V1], mustExist: true }))).toBe('FILE_NOT_FOUND');
    expect(codeOf(() => openDatabase(join(dir, 'no-such-folder', 'x.db'), { migrations: [V1] }))).toBe('DB_UNREADABLE');
  });

  it('rolls a failing migration back whole, leaving the version where it was', () => {
    const file = join(dir, 'd.db');
    openDatabase(file, { migrations: [V1] }).close();
    const broken: Migration = { version: 2, name: 'broken', up: 'ALTER TABLE notes ADD COLUMN x TEXT; SELECT * FROM missing_table;' };
    expect(codeOf(() => openDatabase(file, { migrations: [V1, broken] }))).toBe('DB_UNREADABLE');
    const db = openDatabase(file, { migrations: [V1] });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('notes')).toEqual([{ name: 'id' }, { name: 'text' }]);
    } finally {
      db.close();
    }
  });
});
