import type Database from 'better-sqlite3';

export interface SandboxStats {
  readonly teams: number;
  readonly devices: number;
  readonly records: number;
  readonly attachments: number;
  readonly byTypeAndStatus: readonly { readonly type: string; readonly status: string; readonly count: number }[];
  /**
   * Records stored more than once under different ids (same team, type and payload hash): what a
   * client that re-creates records on retry would leave. There should be none.
   */
  readonly duplicates: readonly { readonly type: string; readonly hash: string; readonly ids: readonly string[] }[];
}

function count(db: Database.Database, table: 'teams' | 'devices' | 'records' | 'attachments'): number {
  return db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0;
}

export function sandboxStats(db: Database.Database): SandboxStats {
  const byTypeAndStatus = db
    .prepare<[], { type: string; status: string; count: number }>(
      'SELECT type, status, COUNT(*) AS count FROM records GROUP BY type, status ORDER BY type, status',
    )
    .all();
  const duplicates = db
    .prepare<[], { type: string; hash: string; ids: string }>(`
      SELECT type, hash, json_group_array(id) AS ids FROM (
        SELECT team_id, type, hash, id FROM records ORDER BY id
      ) GROUP BY team_id, type, hash HAVING COUNT(*) > 1 ORDER BY type, hash`)
    .all()
    .map((row) => ({ type: row.type, hash: row.hash, ids: parseIds(row.ids) }));
  return {
    teams: count(db, 'teams'),
    devices: count(db, 'devices'),
    records: count(db, 'records'),
    attachments: count(db, 'attachments'),
    byTypeAndStatus,
    duplicates,
  };
}

function parseIds(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}
