import type Database from 'better-sqlite3';

/** Where the catalog the server sent is kept, beside the lead's settings in the `config` table. */
const CATALOG_KEY = 'province-catalog';

/**
 * The engine's `applyCatalog` for the workspace: the server's catalog (procedures, administrative
 * units, the lead key), stored whole. The engine keeps its ETag only after this returned, so a
 * failed write is fetched again next time.
 */
export function saveProvinceCatalog(db: Database.Database): (catalog: unknown) => Promise<void> {
  return async (catalog) => {
    db.prepare('INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      CATALOG_KEY,
      JSON.stringify(catalog),
    );
  };
}
