import type Database from 'better-sqlite3';

/** A record already stored for a source, as a re-import needs to see it. */
export interface KnownRecord {
  readonly id: string;
  readonly raw_sha256: string;
  readonly source_key: string;
  readonly search_key: string | null;
  readonly date_of_birth: string | null;
}

export interface KnownRecords {
  /**
   * The stored record a file row is: the one with its key, else (a corrected CCCD changes the
   * key) the same person from the same source whose old key the file no longer has.
   */
  match(row: { readonly sourceKey: string; readonly searchKey: string | null; readonly dateOfBirth: string | null }): KnownRecord | undefined;
}

const INDEXED_UP_TO = 5_000;

/**
 * Everything a source already has, read in one query, so that matching 100,000 rows costs no
 * query per row.
 */
export function loadKnownRecords(db: Database.Database, source: string, keysInFile: ReadonlySet<string>): KnownRecords {
  const count = db.prepare('SELECT count(*) FROM records WHERE source = ?').pluck().get(source) as number;
  // The (source, source_key) index finds a few rows fast; for many, one sequential pass over the
  // table beats as many random reads.
  const sql = `SELECT id, raw_sha256, source_key, search_key, date_of_birth FROM records
    ${count > INDEXED_UP_TO ? 'NOT INDEXED' : ''} WHERE source = ?`;
  const rows =
    count === 0
      ? []
      : (db.prepare(sql).raw().all(source) as [string, string, string, string | null, string | null][]).map(
          ([id, raw_sha256, source_key, search_key, date_of_birth]) => ({ id, raw_sha256, source_key, search_key, date_of_birth }),
        );
  const byKey = new Map(rows.map((row) => [row.source_key, row]));
  const orphansByPerson = new Map<string, KnownRecord[]>();
  for (const row of rows) {
    if (keysInFile.has(row.source_key) || row.search_key === null || row.date_of_birth === null) continue;
    const person = `${row.search_key}|${row.date_of_birth}`;
    orphansByPerson.set(person, [...(orphansByPerson.get(person) ?? []), row]);
  }
  return {
    match(row) {
      const byItsKey = byKey.get(row.sourceKey);
      if (byItsKey) return byItsKey;
      if (row.searchKey === null || row.dateOfBirth === null) return undefined;
      // Each orphan is claimed once: two new rows never update the same record.
      return orphansByPerson.get(`${row.searchKey}|${row.dateOfBirth}`)?.shift();
    },
  };
}

/**
 * CCCDs and people (folded name, birth date, hamlet) held by more than one resident record:
 * two grouped scans over their indexes, whatever the size of the file just imported.
 */
export function sharedKeys(db: Database.Database): { readonly cccds: ReadonlySet<string>; readonly people: ReadonlySet<string> } {
  const cccds = db
    .prepare(
      // Only resident records carry these columns: no type test, so the scans stay inside the indexes.
      `SELECT cccd FROM records WHERE cccd IS NOT NULL GROUP BY cccd HAVING count(*) > 1`,
    )
    .pluck()
    .all() as string[];
  const people = db
    .prepare(
      `SELECT search_key || '|' || date_of_birth || '|' || coalesce(hamlet_key, '') FROM records
       WHERE search_key IS NOT NULL AND date_of_birth IS NOT NULL
       GROUP BY search_key, date_of_birth, hamlet_key HAVING count(*) > 1`,
    )
    .pluck()
    .all() as string[];
  return { cccds: new Set(cccds), people: new Set(people) };
}

export function personKey(keys: { readonly searchKey: string | null; readonly dateOfBirth: string | null; readonly hamletKey: string | null }): string | undefined {
  if (keys.searchKey === null || keys.dateOfBirth === null) return undefined;
  return `${keys.searchKey}|${keys.dateOfBirth}|${keys.hamletKey ?? ''}`;
}
